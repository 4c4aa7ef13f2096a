package io.lookervault.restore;

import io.lookervault.vault.RestoreStore;
import io.lookersim.LookerSim;
import io.lookersim.http.RequestLogEntry;
import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.config.Secret;
import io.lookervault.extract.ExtractJob;
import io.lookervault.extract.ExtractOptions;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunMode;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.Vault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The real simulator, the real client, the engine's real extraction and a real vault file. */
final class RestoreHarness {
    private RestoreHarness() {}

    static LookerSim sim(int scale) throws java.io.IOException {
        return LookerSim.builder().port(0).scale(scale).seed(11).build().start();
    }

    static LookerClient client(LookerSim sim) {
        LookerSettings s = LookerSettings.of(sim.baseUrl(), sim.clientId(), Secret.of(sim.clientSecret()), true,
                Duration.ofSeconds(10));
        return LookerClient.create(s, new ResilienceSettings(100_000, 0, 8, Duration.ofMillis(5),
                Duration.ofMillis(200)));
    }

    static ExtractReport extract(LookerSim sim, Path db) throws Exception {
        try (LookerClient api = client(sim); Vault v = Vault.open(db)) {
            ExtractOptions o = new ExtractOptions(List.of(), 8, 100, List.of(), false, true, RunMode.FULL);
            return new ExtractJob(api, v, sim.baseUrl(), Clock.systemUTC(), null).run(o, false);
        }
    }

    static RestoreReport restore(LookerSim dest, Path db, RestoreOptions o) throws Exception {
        return restore(dest, db, o, out -> { });
    }

    static RestoreReport restore(LookerSim dest, Path db, RestoreOptions o,
                                 java.util.function.Consumer<Outcome> hook) throws Exception {
        try (LookerClient api = client(dest); Vault v = Vault.open(db); RestoreStore store = RestoreStore.open(db)) {
            return new RestoreJob(api, v, store, dest.baseUrl(), Clock.systemUTC()).onCheckpoint(hook).run(o);
        }
    }

    static RestoreOptions bulk(int workers) {
        return new RestoreOptions(RestoreOptions.Command.BULK, List.of(), List.of(), List.of(), false, null, null, workers, false);
    }

    static long writes(List<RequestLogEntry> log) {
        return log.stream().filter(e -> !"GET".equals(e.method()) && !e.path().endsWith("/login")
                && !e.path().endsWith("/logout")).count();
    }
}
