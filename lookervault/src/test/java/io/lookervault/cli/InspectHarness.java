package io.lookervault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.LookerSim;
import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.config.Secret;
import io.lookervault.extract.SimHarness;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The real CLI in-process against the real simulator, and the simulator's own answers to compare with. */
final class InspectHarness {
    static final ObjectMapper JSON = new ObjectMapper();

    private InspectHarness() {}

    /** One command's exit code and output. */
    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON (exit " + code + ", err " + err + "): " + out, e);
            }
        }
    }

    static Map<String, String> env(LookerSim sim) {
        Map<String, String> env = new HashMap<>();
        env.put("COLUMNS", "100");
        if (sim != null) {
            env.put("LOOKERSDK_BASE_URL", sim.baseUrl());
            env.put("LOOKERSDK_CLIENT_ID", sim.clientId());
            env.put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
        }
        return env;
    }

    static Result cli(LookerSim sim, Path dir, String... args) {
        CliRun r = CliRun.run(dir, env(sim), args);
        return new Result(r.exitCode(), r.out(), r.err());
    }

    /** A real extraction through the {@code extract} command. */
    static Result extract(LookerSim sim, Path db, String... more) {
        List<String> a = new ArrayList<>(List.of("--db", db.toString(), "--output", "json", "-q", "extract",
                "--rate-limit-per-second", "100000", "--batch-size", "50"));
        a.addAll(List.of(more));
        return cli(sim, db.getParent(), a.toArray(String[]::new));
    }

    static LookerClient client(LookerSim sim) {
        LookerSettings s = LookerSettings.of(sim.baseUrl(), sim.clientId(), Secret.of(sim.clientSecret()), true,
                Duration.ofSeconds(10));
        return LookerClient.create(s, new ResilienceSettings(100_000, 0, 8, Duration.ofMillis(5),
                Duration.ofMillis(200)));
    }

    /** type → id → the document the simulator answers for every item it lists now. */
    static Map<String, Map<String, JsonNode>> sourceDocs(LookerClient api) throws Exception {
        Map<String, Map<String, JsonNode>> out = new TreeMap<>();
        for (ContentType t : ContentType.values()) {
            Map<String, JsonNode> docs = new TreeMap<>();
            for (String id : SimHarness.sourceIds(api, t)) {
                docs.put(id, api.get(t.getPath(id), Map.of()));
            }
            out.put(t.key(), docs);
        }
        return out;
    }

    /** Moves the WAL into the main file, so byte-level damage hits what readers will read. */
    static void checkpoint(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /** Runs one SQL statement on the vault file behind LookerVault's back. */
    static void sql(Path db, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
