package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What makes the instance work besides its content: an SSH server and tunnel, one database connection per connection
 * the project models name (postgres through the tunnel), and one LookML project per model project. A scale-0
 * instance has none of these, as a fresh Looker. Secrets are never generated: the seeds only say they are set
 * (has_password). Pure functions of the seed.
 */
public final class InstanceGen extends SeededGenerator {
    private static final int SALT = 23;
    /** The connection the generated tunnel serves (a database on a private network). */
    public static final String TUNNELLED_CONNECTION = "postgres";
    private static final Map<String, String[]> DIALECTS = new LinkedHashMap<>();

    static {
        // connection name → dialect name, label, host, port, database
        DIALECTS.put("bigquery_prod", new String[] {"bigquery_standard_sql", "Google BigQuery Standard SQL", "acme-analytics", null, "analytics"});
        DIALECTS.put("snowflake", new String[] {"snowflake", "Snowflake", "acme.snowflakecomputing.com", "443", "ECOMMERCE"});
        DIALECTS.put("postgres", new String[] {"postgres", "PostgreSQL 9.5+", "localhost", null, "marketing"});
        DIALECTS.put("redshift", new String[] {"redshift", "Amazon Redshift", "finance.abc123.us-east-1.redshift.amazonaws.com", "5439", "finance"});
    }

    public InstanceGen(InstanceLayout p) {
        super(p);
    }

    private boolean empty() { return p.scale() <= 0; }

    /** Id of the generated SSH server: 32 hex digits, as Looker's ids for servers and tunnels. */
    public String sshServerId() { return hex(rng(SALT, 1), 32); }

    public String sshTunnelId() { return hex(rng(SALT, 2), 32); }

    public List<ObjectNode> sshServers() {
        List<ObjectNode> out = new ArrayList<>();
        if (empty()) return out;
        SplittableRandom r = rng(SALT, 3);
        ObjectNode n = JsonNodes.obj().put("ssh_server_id", sshServerId()).put("ssh_server_name", "bastion")
                .put("ssh_server_host", "bastion.acme.example").put("ssh_server_port", 22).put("ssh_server_user", "looker");
        keyMaterial(n, r);
        out.add(n.put("status", "ok"));
        return out;
    }

    /** Fingerprints and the instance's public key for a server (new servers get fresh ones). */
    public static void keyMaterial(ObjectNode server, SplittableRandom r) {
        StringBuilder md5 = new StringBuilder();
        for (int i = 0; i < 16; i++) md5.append(i == 0 ? "" : ":").append(hex(r, 2));
        server.put("finger_print", md5.toString()).put("sha_finger_print", "SHA256:" + base64(r, 43))
                .put("public_key", "ssh-rsa " + "AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + base64(r, 342) + " looker@sim");
    }

    public List<ObjectNode> sshTunnels() {
        List<ObjectNode> out = new ArrayList<>();
        if (empty()) return out;
        out.add(JsonNodes.obj().put("tunnel_id", sshTunnelId()).put("ssh_server_id", sshServerId()).put("local_host_port", 30000)
                .put("database_host", "10.20.0.12").put("database_port", 5432).put("status", "ok")
                .put("last_attempt", iso(now() - 600)));
        return out;
    }

    public List<ObjectNode> connections() {
        List<ObjectNode> out = new ArrayList<>();
        if (empty()) return out;
        for (Map.Entry<String, String[]> e : DIALECTS.entrySet()) out.add(connection(e.getKey(), e.getValue()));
        return out;
    }

    private ObjectNode connection(String name, String[] d) {
        boolean tunnelled = name.equals(TUNNELLED_CONNECTION);
        ObjectNode n = JsonNodes.obj().put("name", name).put("dialect_name", d[0]).put("host", d[2])
                .put("port", tunnelled ? "30000" : d[3]).put("database", d[4]).put("username", "looker")
                .put("has_password", !d[0].startsWith("bigquery")).put("uses_service_auth", d[0].startsWith("bigquery"))
                .put("schema", d[0].startsWith("bigquery") ? null : "public").put("max_connections", 30)
                .put("pool_timeout", 120).put("ssl", true).put("verify_ssl", true).put("db_timezone", "UTC")
                .put("query_timezone", "UTC").put("tmp_db_name", "looker_scratch").put("pdt_concurrency", 1)
                .put("maintenance_cron", "*/5 * * * *").put("created_at", iso(now() - 900L * 86_400))
                .put("user_id", s(InstanceLayout.API_USER)).put("tunnel_id", tunnelled ? sshTunnelId() : null);
        if (name.equals("snowflake")) {
            n.putObject("pdt_context_override").put("context", "pdt").put("username", "looker_pdt").put("has_password", true);
        }
        return n;
    }

    /** The Action Hub's integrations: disabled on a fresh Looker; a generated instance uses the first three. */
    public List<ObjectNode> integrations() {
        List<ObjectNode> out = IntegrationGen.integrations();
        for (int i = 0; i < Math.min(3, out.size()); i++) out.get(i).put("enabled", !empty());
        return out;
    }

    /** One registered OAuth client app (an internal portal that logs users in through Looker). */
    public List<ObjectNode> oauthClientApps() {
        List<ObjectNode> out = new ArrayList<>();
        if (empty()) return out;
        out.add(JsonNodes.obj().put("client_guid", "acme-portal").put("redirect_uri", "https://portal.acme.example/oauth/callback")
                .put("display_name", "Acme Portal").put("description", "The intranet's embedded analytics").put("enabled", true)
                .putNull("group_id").put("tokens_invalid_before", iso(now() - 30L * 86_400)));
        return out;
    }

    /** The dialect object Looker embeds in a connection, from its dialect name. */
    public static ObjectNode dialect(String name) {
        String label = name;
        for (String[] d : DIALECTS.values()) if (d[0].equals(name)) label = d[1];
        ObjectNode n = JsonNodes.obj().put("name", name).put("label", label).put("supports_cost_estimate", name.startsWith("bigquery"))
                .put("persistent_table_indexes", "").put("persistent_table_sortkeys", "").put("persistent_table_distkey", "")
                .put("supports_streaming", true).put("automatically_run_sql_runner_snippets", true)
                .put("supports_inducer", true).put("supports_multiple_databases", name.startsWith("bigquery") || name.equals("snowflake"))
                .put("supports_persistent_derived_tables", true).put("has_ssl_support", !name.startsWith("bigquery"));
        n.putArray("connection_tests").add("connect").add("query").add("tmp_db");
        return n;
    }

    public List<ObjectNode> projects() {
        List<ObjectNode> out = new ArrayList<>();
        if (empty()) return out;
        for (Models.Model m : Models.ALL) {
            SplittableRandom r = rng(SALT, 10 + out.size());
            ObjectNode n = JsonNodes.obj().put("id", m.project()).put("name", m.project()).put("uses_git", true)
                    .put("is_git_dev_locked", false).put("git_remote_url", "git@github.com:acme/looker-" + m.project() + ".git")
                    .put("git_production_branch_name", "main").put("use_git_cookie_auth", false)
                    .put("git_service_name", "github").put("pull_request_mode", Words.pick(r, "off", "links", "recommended", "required"))
                    .put("validation_required", r.nextBoolean()).put("git_release_mgmt_enabled", false)
                    .put("allow_warnings", true).put("is_example", false).put("has_production_counterpart", true)
                    .put("deploy_key", deployKey(r, m.project()));
            out.add(n);
        }
        return out;
    }

    /** The public half of a project's git deploy key (what GET .../git/deploy_key answers). */
    public static String deployKey(SplittableRandom r, String project) {
        return "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + base64(r, 342) + " looker-" + project + "@sim";
    }

    public static String hex(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append(Character.forDigit(r.nextInt(16), 16));
        return b.toString();
    }

    private static String base64(SplittableRandom r, int n) {
        String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append(abc.charAt(r.nextInt(64)));
        return b.toString();
    }
}
