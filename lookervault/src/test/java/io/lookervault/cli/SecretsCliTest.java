package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultWriter;
import io.lookervault.vault.WriteOp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code secrets template} and the {@code --secrets} / LOOKERVAULT_SECRETS checks, before anything connects. */
class SecretsCliTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(CliRun.UNREACHABLE_LOOKER);
        env.putAll(extraEnv);
        return CliRun.run(dir, env, args);
    }

    @Test
    void templateListsTheBackupsSecretsAsTomlOrJson() throws Exception {
        Path db = dir.resolve("v.db");
        try (Vault v = Vault.open(db)) {
            long run = v.startRun("http://x", RunMode.FULL, "{}", "2026-01-01T00:00:00Z").runId();
            try (VaultWriter w = v.writer(run, 16, null)) {
                w.submit(WriteOp.Fetched.of("connections", "wh", "{\"name\":\"wh\",\"has_password\":true}"
                        .getBytes(StandardCharsets.UTF_8), null, null, null));
                w.submit(new WriteOp.TypeDone("connections", true, true));
            }
            v.setStatus(run, RunStatus.COMPLETED);
        }
        CliRun r = run(Map.of(), "--db", db.toString(), "secrets", "template");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("chmod 600").contains("[connections.\"wh\"]\npassword = \"\"");
        r = run(Map.of(), "--db", db.toString(), "secrets", "template", "--output", "json");
        assertThat(r.out()).contains("\"field\" : \"password\"").contains("\"name\" : \"wh\"");
        r = run(Map.of(), "--db", db.toString(), "secrets", "template", "--run", "9");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no run 9");
    }

    @Test
    void aSecretsFileOthersMayReadIsRefusedWithExit2FromFlagOrEnvironment() throws Exception {
        Path f = dir.resolve("secrets.toml");
        Files.writeString(f, "[oidc_config]\nsecret = \"do-not-print\"\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        CliRun r = run(Map.of(), "--db", dir.resolve("v.db").toString(), "restore", "bulk", "--secrets", "secrets.toml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("chmod 600").doesNotContain("do-not-print");
        r = run(Map.of("LOOKERVAULT_SECRETS", f.toString()), "--db", dir.resolve("v.db").toString(), "restore",
                "single", "dashboards", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("chmod 600");
        r = run(Map.of(), "--db", dir.resolve("v.db").toString(), "restore", "bulk", "--secrets", "missing.toml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist");
    }

    @Test
    void helpShowsExamples() {
        assertThat(run(Map.of(), "secrets", "template", "--help").out()).contains("Examples").contains("chmod 600");
        assertThat(run(Map.of(), "restore", "bulk", "--help").out()).contains("--secrets");
    }
}
