package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.config.Secret;
import io.lookervault.looker.LookerClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The two Lookers a restore test through the CLI needs: {@code a} with content (scale 30) to back up, and {@code b},
 * an empty one of the same seed (it has the same LookML models, nothing else), each with an API client of its own;
 * {@link #cli} runs the real CLI against either with one vault file. Closes all four.
 */
final class SimPair implements AutoCloseable {
    final LookerSim a;
    final LookerSim b;
    final LookerClient apiA;
    final LookerClient apiB;
    final String db;
    private final Path dir;

    private SimPair(Path dir, LookerSim a, LookerSim b) {
        this.dir = dir;
        this.a = a;
        this.b = b;
        this.apiA = client(a);
        this.apiB = client(b);
        this.db = dir.resolve("v.db").toString();
    }

    static SimPair start(Path dir, long seed) throws java.io.IOException {
        LookerSim a = LookerSim.builder().port(0).scale(30).seed(seed).build().start();
        try {
            return new SimPair(dir, a, LookerSim.builder().port(0).scale(0).seed(seed).build().start());
        } catch (java.io.IOException | RuntimeException e) {
            a.close();
            throw e;
        }
    }

    /** The CLI with {@code --db} the pair's vault, configured for {@code sim}. */
    CliRun cli(LookerSim sim, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        return CliRun.run(dir, CliRun.restoreEnv(sim), all.toArray(String[]::new));
    }

    /** Writes {@code sim} was sent since request {@code from} (logins and logouts are not writes). */
    static long writes(LookerSim sim, int from) {
        return sim.requestLog().subList(from, sim.requestLog().size()).stream().filter(e -> !"GET".equals(e.method())
                && !e.path().endsWith("/login") && !e.path().endsWith("/logout")).count();
    }

    static ObjectNode obj() {
        return JsonOutput.MAPPER.createObjectNode();
    }

    private static LookerClient client(LookerSim sim) {
        return LookerClient.create(LookerSettings.of(sim.baseUrl(), sim.clientId(), Secret.of(sim.clientSecret()), true,
                Duration.ofSeconds(10)), new ResilienceSettings(100_000, 0, 1, Duration.ofMillis(5), Duration.ofMillis(200)));
    }

    @Override
    public void close() {
        apiB.close();
        apiA.close();
        b.close();
        a.close();
    }
}
