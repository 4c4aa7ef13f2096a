package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.RestoreStore;
import io.lookervault.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11's disaster recovery: an instance with SSH servers/tunnels, connections and projects (with and without SSH, with
 * password, certificate and PDT-override secrets) is backed up and restored into an empty simulator with a filled
 * secrets file: every object equal with ids mapped, every secret set (the has_* flags), a second restore writes
 * nothing, and neither the vault nor the report holds a secret. Without the file each needed secret is reported.
 */
class InstanceRoundTripIT {
    private static final String MARK = "s3cret-value-";

    @TempDir
    Path dir;

    @Test
    void restoresTheInstanceIntoAnEmptyLookerWithTheSecretsFileAndASecondRunWritesNothing() throws Exception {
        try (LookerSim a = RestoreHarness.sim(150); LookerSim b = RestoreHarness.sim(0)) {
            Path db = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, db);
            assertThat(ea.status()).isEqualTo(RunStatus.COMPLETED);
            List<SecretsTemplate.Entry> needed;
            try (Vault v = Vault.open(db)) {
                needed = SecretsTemplate.entries(v, null, null);
            }
            assertThat(needed).extracting(e -> e.type() + "/" + e.name() + "/" + e.field())
                    .contains("connections/postgres/password", "connections/bigquery_prod/certificate",
                            "connections/snowflake/pdt_context_override.password")
                    .doesNotContain("connections/bigquery_prod/password");
            SecretsFile secrets = SecretsFile.load(filled(needed));

            RestoreReport first = restore(b, db, secrets);
            assertThat(first.status()).as(first.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(first.outcomes().toString()).doesNotContain(MARK).doesNotContain("unset")
                    .contains("secret password: set").contains("new SSH server key").contains("deploy key regenerated");
            for (String type : List.of("ssh_servers", "ssh_tunnels", "connections", "projects")) {
                assertThat(count(first, type, Outcome.Action.CREATE)).as(type).isPositive();
            }
            assertSameInstance(a, b, db);

            long before = b.requestLog().size();
            RestoreReport second = restore(b, db, secrets);
            assertThat(second.count(Outcome.Action.CREATE) + second.count(Outcome.Action.UPDATE)).as(second.outcomes().toString()).isZero();
            assertThat(RestoreHarness.writes(b.requestLog().subList((int) before, b.requestLog().size())))
                    .as("a second restore of the same backup writes nothing").isZero();
            assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)).as("the vault").doesNotContain(MARK);
        }
    }

    @Test
    void withoutTheSecretsFileEachNeededSecretIsReportedAndTheRunStillCompletes() throws Exception {
        try (LookerSim a = RestoreHarness.sim(150); LookerSim b = RestoreHarness.sim(0)) {
            Path db = dir.resolve("a.db");
            RestoreHarness.extract(a, db);
            List<SecretsTemplate.Entry> needed;
            try (Vault v = Vault.open(db)) {
                needed = SecretsTemplate.entries(v, null, null);
            }
            RestoreReport r = restore(b, db, SecretsFile.none());
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            List<String> unset = new ArrayList<>();
            r.outcomes().forEach(o -> o.notes().stream().filter(n -> n.contains(": unset")).forEach(n -> unset.add(n)));
            assertThat(unset).hasSize((int) needed.stream().filter(e -> !e.optional()).count());
            for (SecretsTemplate.Entry e : needed) {
                if (!e.optional()) {
                    assertThat(unset).anyMatch(n -> n.startsWith("secret " + e.field() + ": unset")
                            && n.contains(SecretsFile.table(e.type(), e.name())));
                }
            }
            try (LookerClient api = RestoreHarness.client(b)) {
                assertThat(api.get("/connections/postgres", Map.of()).path("has_password").asBoolean()).isFalse();
            }
        }
    }

    /** The secrets file the admin writes from the template: every value filled, mode 0600. */
    private Path filled(List<SecretsTemplate.Entry> needed) throws Exception {
        String text = SecretsTemplate.render(needed);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.endsWith(" = \"\"") ? line.replace(" = \"\"", " = \"" + MARK + line.split(" ")[0] + "\"")
                    : line).append('\n');
        }
        Path p = dir.resolve("secrets.toml");
        Files.writeString(p, out);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    private static RestoreReport restore(LookerSim dest, Path db, SecretsFile secrets) throws Exception {
        try (LookerClient api = RestoreHarness.client(dest); Vault v = Vault.open(db); RestoreStore store = RestoreStore.open(db)) {
            return new RestoreJob(api, v, store, dest.baseUrl(), Clock.systemUTC()).withSecrets(secrets)
                    .run(RestoreHarness.bulk(8));
        }
    }

    private static long count(RestoreReport r, String type, Outcome.Action action) {
        return r.outcomes().stream().filter(o -> o.type().equals(type) && o.action() == action).count();
    }

    /** Servers by name, tunnels by database host (server mapped), connections by name (tunnel mapped; flags set). */
    private static void assertSameInstance(LookerSim a, LookerSim b, Path db) throws Exception {
        try (LookerClient ca = RestoreHarness.client(a); LookerClient cb = RestoreHarness.client(b)) {
            Map<String, String> servers = new HashMap<>();
            Map<String, JsonNode> bServers = byKey(cb.get("/ssh_servers", Map.of()), "ssh_server_name");
            for (JsonNode s : ca.get("/ssh_servers", Map.of())) {
                JsonNode t = bServers.get(s.path("ssh_server_name").asText());
                assertThat(t).as("server %s", s.path("ssh_server_name")).isNotNull();
                assertThat(writable("SshServer", t)).isEqualTo(writable("SshServer", s));
                servers.put(s.path("ssh_server_id").asText(), t.path("ssh_server_id").asText());
            }
            Map<String, String> tunnels = new HashMap<>();
            Map<String, JsonNode> bTunnels = byKey(cb.get("/ssh_tunnels", Map.of()), "database_host");
            for (JsonNode s : ca.get("/ssh_tunnels", Map.of())) {
                JsonNode t = bTunnels.get(s.path("database_host").asText());
                assertThat(t).isNotNull();
                assertThat(t.path("ssh_server_id").asText()).isEqualTo(servers.get(s.path("ssh_server_id").asText()));
                assertThat(t.path("database_port").asText()).isEqualTo(s.path("database_port").asText());
                tunnels.put(s.path("tunnel_id").asText(), t.path("tunnel_id").asText());
            }
            Map<String, JsonNode> bConns = byKey(cb.get("/connections", Map.of()), "name");
            for (JsonNode s : ca.get("/connections", Map.of())) {
                JsonNode t = bConns.get(s.path("name").asText());
                assertThat(t).as("connection %s", s.path("name")).isNotNull();
                ObjectNode want = writable("DBConnection", s);
                if (s.hasNonNull("tunnel_id")) {
                    want.put("tunnel_id", tunnels.get(s.path("tunnel_id").asText()));
                }
                assertThat(writable("DBConnection", t)).as("connection %s", s.path("name")).isEqualTo(want);
                for (String flag : List.of("has_password", "uses_service_auth")) {
                    assertThat(t.path(flag).asBoolean()).as("%s of %s", flag, s.path("name")).isEqualTo(s.path(flag).asBoolean());
                }
                assertThat(t.path("pdt_context_override").path("has_password").asBoolean())
                        .isEqualTo(s.path("pdt_context_override").path("has_password").asBoolean());
            }
            Map<String, JsonNode> bProjects = byKey(cb.get("/projects", Map.of()), "id");
            assertThat(bProjects).isNotEmpty();
            for (JsonNode s : ca.get("/projects", Map.of())) {
                JsonNode t = bProjects.get(s.path("id").asText());
                assertThat(t).as("project %s", s.path("id")).isNotNull();
                assertThat(writable("Project", t)).as("project %s", s.path("id")).isEqualTo(writable("Project", s));
            }
        }
    }

    private static ObjectNode writable(String schema, JsonNode doc) {
        ObjectNode w = WriteFields.get().body(schema, doc);
        w.remove("local_host_port");
        return w;
    }

    private static Map<String, JsonNode> byKey(JsonNode list, String field) {
        Map<String, JsonNode> out = new TreeMap<>();
        list.forEach(n -> out.put(n.path(field).asText(), n));
        return out;
    }
}
