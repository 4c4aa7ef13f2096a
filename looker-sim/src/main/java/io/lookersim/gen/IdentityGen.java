package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Folders, users, groups, roles, permission sets, model sets and user attributes. Pure functions of (seed, id). */
public final class IdentityGen extends SeededGenerator {
    public static final List<String> PERMISSIONS = List.of("access_data", "see_lookml_dashboards", "see_looks",
            "see_user_dashboards", "explore", "create_table_calculations", "save_content", "create_public_looks",
            "download_with_limit", "download_without_limit", "schedule_look_emails", "schedule_external_look_emails",
            "create_alerts", "follow_alerts", "send_to_s3", "send_to_sftp", "send_outgoing_webhook", "send_to_integration",
            "see_sql", "see_lookml", "develop", "deploy", "support_access_toggle", "use_sql_runner", "clear_cache_refresh",
            "see_drill_overlay", "manage_spaces", "manage_homepage", "manage_models", "create_prefetches",
            "login_special_email", "embed_browse_spaces", "embed_save_shared_space", "see_schedules", "see_pdts",
            "see_datagroups", "update_datagroups", "see_users", "sudo", "see_queries", "see_logs", "administer");
    private static final String[] BUILTIN_ROLE = {"Admin", "Developer", "User", "Viewer"};
    private static final String[] SYSTEM_ATTR = {"email", "first_name", "last_name", "locale"};

    public IdentityGen(InstanceLayout p) { super(p); }

    public ObjectNode folder(long f) {
        if (f < 1 || f > p.folderMax()) return null;
        ObjectNode n = JsonNodes.obj();
        long parent = p.folderParent(f);
        boolean personal = f > InstanceLayout.USERS_ROOT && f < p.firstShared();
        SplittableRandom r = rng(FOLDER, f);
        String name;
        long creator;
        if (f == InstanceLayout.SHARED_ROOT) { name = "Shared"; creator = InstanceLayout.API_USER; }
        else if (f == InstanceLayout.USERS_ROOT) { name = "Users"; creator = InstanceLayout.API_USER; }
        else if (personal) {
            ObjectNode u = user(f - 2);
            name = u.path("display_name").asText();
            creator = f - 2;
        } else { name = Words.title(r).replace("Dashboard", "Folder"); creator = someUser(r); }
        n.put("name", name).put("parent_id", parent == 0 ? null : s(parent)).put("id", s(f))
                .put("content_metadata_id", s(p.cmFolder(f))).put("created_at", iso(created(f, p.folderMax(), r)))
                .put("creator_id", s(creator)).put("child_count", p.folderChildren(f).length).put("external_id", (String) null)
                .put("is_embed", false).put("is_embed_shared_root", false).put("is_embed_users_root", false)
                .put("is_personal", personal).put("is_personal_descendant", false)
                .put("is_shared_root", f == InstanceLayout.SHARED_ROOT).put("is_users_root", f == InstanceLayout.USERS_ROOT);
        n.set("can", can("index", "show", "create", "see_admin_spaces", "update", "destroy", "move_content", "edit_content"));
        return n;
    }

    public ObjectNode user(long u) {
        if (u < 1 || u > p.userMax()) return null;
        SplittableRandom r = rng(USER, u);
        String first = u == InstanceLayout.API_USER ? "API" : Words.first(r);
        String last = u == InstanceLayout.API_USER ? "Admin" : Words.last(r);
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(u)).put("first_name", first).put("last_name", last).put("display_name", first + " " + last)
                .put("email", email(u, first, last)).put("is_disabled", u != InstanceLayout.API_USER && r.nextInt(40) == 0)
                .put("locale", Words.pick(r, "en", "en", "en", "de", "fr", "ja", "es")).put("home_folder_id", s(p.personalFolder(u)))
                .put("personal_folder_id", s(p.personalFolder(u))).put("models_dir_validated", (Boolean) null)
                .put("presumed_looker_employee", false).put("verified_looker_employee", false)
                .put("roles_externally_managed", false).put("allow_direct_roles", true).put("allow_normal_group_membership", true)
                .put("allow_roles_from_normal_groups", true).put("is_iam_admin", false).put("can_manage_api3_creds", u == InstanceLayout.API_USER)
                .put("is_service_account", false).put("url", "/api/4.0/users/" + u)
                .put("avatar_url", "https://gravatar.sim.local/avatar/" + u + "?s=156&d=blank")
                .put("avatar_url_without_sizing", "https://gravatar.sim.local/avatar/" + u);
        n.putObject("ui_state").put("homepageGroupIdPreference", "1"); // the spec's map values are strings
        ObjectNode ce = n.putObject("credentials_email");
        long created = created(u, p.userMax(), r);
        ce.put("created_at", iso(created)).put("email", n.path("email").asText()).put("forced_password_reset_at_next_login", false)
                .put("user_id", s(u)).put("is_disabled", false).put("logged_in_at", iso(created + r.nextInt(9_000_000)))
                .put("password_reset_url", (String) null).put("account_setup_url", (String) null)
                .put("password_reset_url_expired", false).put("account_setup_url_expired", false).put("type", "email")
                .put("url", "/api/4.0/users/" + u + "/credentials_email").put("user_url", "/api/4.0/users/" + u);
        ce.set("can", can("show_password_reset_url"));
        n.set("credentials_api3", JsonNodes.arr());
        n.set("credentials_embed", JsonNodes.arr());
        n.set("sessions", JsonNodes.arr());
        n.putArray("looker_versions").add("26.12.3");
        n.set("can", can("show", "index", "show_details", "index_details", "sudo"));
        return n;
    }

    private static String email(long u, String first, String last) {
        String f = java.text.Normalizer.normalize(first, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
        String l = java.text.Normalizer.normalize(last, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
        return (f + "." + l + "." + u + "@example.com").toLowerCase(Locale.ROOT);
    }

    public ObjectNode group(long g) {
        if (g < 1 || g > p.groups()) return null;
        SplittableRandom r = rng(GROUP, g);
        ObjectNode n = JsonNodes.obj();
        n.put("can_add_to_content_metadata", true).put("contains_current_user", false).put("external_group_id", (String) null)
                .put("externally_managed", false).put("id", s(g)).put("include_by_default", false)
                .put("name", Words.pick(r, "Analysts", "Sales Team", "Marketing", "Finance", "Engineering", "Support",
                        "Exec Team", "Équipe Paris", "東京チーム") + " " + g);
        n.set("can", can("show", "create", "index", "update", "delete", "edit_in_ui", "add_to_content_metadata"));
        return n;
    }

    public ObjectNode permissionSet(long id) {
        if (id < 1 || id > p.permSetMax()) return null;
        ObjectNode n = JsonNodes.obj();
        boolean builtIn = id <= InstanceLayout.BUILTIN_PERM_SETS;
        int k = builtIn ? new int[]{PERMISSIONS.size(), 30, 18, 6}[(int) id - 1] : 3 + (int) (id % 20);
        n.put("all_access", id == 1).put("built_in", id == 1).put("id", s(id))
                .put("name", builtIn ? BUILTIN_ROLE[(int) id - 1] : "Custom permissions " + id).put("url", "/api/4.0/permission_sets/" + id);
        ArrayNode perms = n.putArray("permissions");
        PERMISSIONS.subList(0, Math.min(k, PERMISSIONS.size())).forEach(perms::add);
        n.set("can", can("show", "index", "update"));
        return n;
    }

    public ObjectNode modelSet(long id) {
        if (id < 1 || id > p.modelSetMax()) return null;
        ObjectNode n = JsonNodes.obj();
        n.put("all_access", id == 1).put("built_in", id == 1).put("id", s(id)).put("name", id == 1 ? "All" : "Model set " + id);
        ArrayNode models = n.putArray("models");
        for (int i = 0; i < Models.ALL.size(); i++) if (id == 1 || (id + i) % 2 == 0) models.add(Models.ALL.get(i).name());
        n.put("url", "/api/4.0/model_sets/" + id);
        n.set("can", can("show", "index", "update"));
        return n;
    }

    /** Internal role: permission_set_id/model_set_id are kept (write-only in the API, used to render the sets). */
    public ObjectNode role(long id) {
        if (id < 1 || id > p.roleMax()) return null;
        ObjectNode n = JsonNodes.obj();
        boolean builtIn = id <= InstanceLayout.BUILTIN_ROLES;
        n.put("id", s(id)).put("name", builtIn ? BUILTIN_ROLE[(int) id - 1] : "Custom role " + id)
                .put("permission_set_id", s(builtIn ? id : InstanceLayout.BUILTIN_PERM_SETS + 1 + (id % Math.max(1, p.customPermSets())) ))
                .put("model_set_id", s(builtIn || p.customModelSets() == 0 ? 1 : 2 + id % p.customModelSets()))
                .put("internal", false).put("url", "/api/4.0/roles/" + id).put("users_url", "/api/4.0/roles/" + id + "/users");
        if (builtIn || p.customPermSets() == 0) n.put("permission_set_id", s(Math.min(id, InstanceLayout.BUILTIN_PERM_SETS)));
        n.set("can", can("show", "index", "update"));
        return n;
    }

    public ObjectNode userAttribute(long id) {
        if (id < 1 || id > p.attrMax()) return null;
        boolean system = id <= InstanceLayout.SYSTEM_ATTRS;
        ObjectNode n = JsonNodes.obj();
        String name = system ? SYSTEM_ATTR[(int) id - 1] : "attr_" + id;
        n.put("id", s(id)).put("name", name).put("label", system ? name.replace('_', ' ') : "Attribute " + id)
                .put("type", system || id % 3 != 0 ? "string" : "number").put("default_value", system ? null : id % 3 == 0 ? "0" : "none")
                .put("is_system", system).put("is_permanent", system).put("value_is_hidden", false)
                .put("user_can_view", true).put("user_can_edit", !system && id % 2 == 0)
                .put("hidden_value_domain_whitelist", (String) null).put("needed_for_ci_run", false).put("value_for_ci_run", (String) null);
        n.set("can", can("show", "index", "create", "update", "destroy", "set_value"));
        return n;
    }

    /** Base group values of a custom attribute: the first two groups get a value (ranked). */
    public long[] attributeGroups(long attr) {
        if (attr <= InstanceLayout.SYSTEM_ATTRS || p.groups() == 0) return new long[0];
        long g1 = (attr % p.groups()) + 1;
        return p.groups() > 1 ? new long[]{g1, (g1 % p.groups()) + 1} : new long[]{g1};
    }
}
