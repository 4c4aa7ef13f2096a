package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.List;

/**
 * The instance settings of a fresh Looker (Admin > Settings and friends): every singleton at Looker's default.
 * Constant: every call builds fresh nodes.
 */
public final class SettingDefaults {
    private static final List<String> MCP_TOOLS = List.of("add_dashboard_element", "add_dashboard_filter", "create_project_file",
            "delete_project_file", "dev_mode", "generate_embed_url", "get_connection_databases", "get_connection_schemas",
            "get_connection_table_columns", "get_connection_tables", "get_connections", "get_dashboards", "get_dimensions",
            "get_explores", "get_filters", "get_looks", "get_measures", "get_models", "get_parameters", "get_project_file",
            "get_project_files", "get_projects", "health_analyze", "health_pulse", "health_vacuum", "make_dashboard", "make_look",
            "query", "query_sql", "query_url", "run_dashboard", "run_look", "update_project_file", "validate_project",
            "get_project_directories", "create_project_directory", "delete_project_directory", "get_lookml_tests",
            "run_lookml_tests", "create_view_from_table");

    private SettingDefaults() {}

    public static ObjectNode of(String name) {
        return switch (name) {
            case "setting" -> setting();
            case "session_config" -> JsonNodes.obj().put("allow_persistent_sessions", true).put("session_minutes", 720)
                    .put("unlimited_sessions_per_user", true).put("use_inactivity_based_logout", false).put("track_session_location", false);
            case "password_config" -> JsonNodes.obj().put("min_length", 7).put("require_numeric", false).put("require_upperlower", false)
                    .put("require_special", false).put("expiration_enabled", false).put("expiration_duration_days", 90).putNull("policy_enabled_at");
            case "custom_welcome_email" -> JsonNodes.obj().put("enabled", false).putNull("content").putNull("subject").putNull("header");
            case "internal_help_resources" -> JsonNodes.obj().put("enabled", false);
            case "internal_help_resources_content" -> JsonNodes.obj().putNull("organization_name").putNull("markdown_content");
            case "digest_emails_enabled" -> JsonNodes.obj().put("is_enabled", true);
            case "cloud_storage" -> JsonNodes.obj().put("type", "looker-s3").putNull("custom_s3_bucket").putNull("custom_s3_bucket_region");
            default -> throw new IllegalArgumentException("no setting " + name);
        };
    }

    private static ObjectNode setting() {
        ObjectNode n = JsonNodes.obj();
        ObjectNode ic = n.putObject("instance_config");
        ic.putObject("feature_flags");
        ic.putObject("license_features");
        n.put("extension_framework_enabled", true).put("extension_load_url_enabled", false).put("marketplace_auto_install_enabled", false);
        n.putObject("marketplace_automation").put("install_enabled", false).put("update_looker_enabled", false).put("update_third_party_enabled", false);
        n.put("marketplace_enabled", true).put("marketplace_site", "https://marketplace-api.looker.com").put("marketplace_terms_accepted", false);
        ObjectNode pl = n.putObject("privatelabel_configuration").putNull("logo_file").putNull("logo_url").putNull("favicon_file")
                .putNull("favicon_url").putNull("default_title");
        for (String f : List.of("show_help_menu", "show_docs", "show_email_sub_options", "allow_looker_mentions", "allow_looker_links", "alerts_logo", "alerts_links")) pl.put(f, true);
        for (String f : List.of("custom_welcome_email_advanced", "setup_mentions", "folders_mentions")) pl.put(f, false);
        n.put("onboarding_enabled", true).put("timezone", "America/Los_Angeles").put("allow_user_timezones", false)
                .put("data_connector_default_enabled", true).put("host_url", "https://looker.sim.local");
        n.putArray("email_domain_allowlist");
        n.put("embed_cookieless_v2", false).put("embed_enabled", false);
        ObjectNode ec = n.putObject("embed_config");
        ec.putArray("domain_allowlist");
        ec.putArray("alert_url_allowlist");
        ec.putNull("alert_url_param_owner").putNull("alert_url_label");
        for (String f : List.of("sso_auth_enabled", "embed_cookieless_v2", "embed_content_navigation", "embed_content_management",
                "strict_sameorigin_for_login", "look_filters", "hide_look_navigation", "embed_enabled")) ec.put(f, false);
        ec.putNull("permissions");
        n.put("login_notification_enabled", false).putNull("login_notification_text").put("dashboard_auto_refresh_restriction", false)
                .putNull("dashboard_auto_refresh_minimum_interval").putNull("content_certification_documentation_link")
                .put("revoke_certification_on_edits", false).put("automated_mfa_enabled", false)
                .put("is_content_certification_enabled", false).put("auto_certify_lookml_content", false).put("ca_agent_observability", false);
        n.putArray("managed_certificate_uri");
        ObjectNode mcp = n.putObject("mcp_tools").put("enable_all", false);
        for (String t : MCP_TOOLS) {
            mcp.putObject(t).put("enabled", false).put("description", t.replace('_', ' '))
                    .put("category", t.startsWith("get_") ? "read" : "write").put("access_level", t.startsWith("get_") ? "read" : "write");
        }
        return n;
    }
}
