package io.lookervault.cli;

import io.lookersim.LookerSim;
import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.config.Secret;
import io.lookervault.extract.ExtractOptions;
import io.lookervault.job.RunMode;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the bundled Looker simulator in-process and back it up into demo.db; then change a few "
                + "items in the simulator, as people would during a day, and back it up again (incremental), so "
                + "that diff and history have something to show. Ends with the commands to try next.",
                "--no-changes makes one backup only."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault demo                      # ~10,000 items, 8 workers, into ./demo.db",
                "  lookervault demo --scale 2000 --workers 16",
                "  lookervault --db /tmp/d.db demo --no-changes",
                "  lookervault --db demo.db diff          # afterwards: what the second backup saw change"})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--scale", paramLabel = "N", description = "Approximate number of items (default 10000).")
    int scale = 10_000;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Simulated latency per request (default 5).")
    int latencyMs = 5;

    @Mixin
    WorkersOption workers = new WorkersOption();

    @Option(names = "--no-changes", description = "Back up once; do not change the simulator for a second backup.")
    boolean noChanges;

    private final CliContext ctx;

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path db = ctx.workingDir().resolve(global.db().orElse(Path.of("demo.db")));
        ExtractOptions options;
        try {
            options = new ExtractOptions(List.of(), workers.orDefault(), ExtractOptions.DEFAULT_BATCH_SIZE, List.of(),
                    false, false, RunMode.FULL);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage());
        }
        boolean reused = Files.exists(db);
        try (VaultLock lock = VaultLock.acquire(db, "demo", Clock.systemUTC());
             LookerSim sim = LookerSim.builder().port(0).scale(scale).seed(42).latencyMs(latencyMs).build().start()) {
            if (!global.quiet()) {
                ctx.err().printf("demo: simulator with ~%d items at %s (%d ms latency); vault %s%s%n", scale,
                        sim.baseUrl(), latencyMs, db, reused ? " (reused: the run adds only what changed)" : "");
            }
            LookerSettings looker = LookerSettings.of(sim.baseUrl(), sim.clientId(), Secret.of(sim.clientSecret()),
                    true, Duration.ofSeconds(30));
            // the in-process simulator is not a production Looker: let the workers, not the limiter, set the pace
            ResilienceSettings resilience = ResilienceSettings.defaults().withRates(100_000, 0);
            try (LookerClient api = LookerClient.create(looker, resilience); Vault vault = Vault.open(db)) {
                DemoSteps steps = new DemoSteps(ctx, global, shownDb());
                int code = steps.backup(api, vault, sim.baseUrl(), options);
                if (code != ExitCodes.OK || noChanges) {
                    return steps.finish(code, List.of());
                }
                List<String> edited = steps.changeSomething(sim);
                code = steps.backup(api, vault, sim.baseUrl(), options.withMode(RunMode.INCREMENTAL));
                return steps.finish(code, edited);
            }
        }
    }

    /** The vault as the user named it (relative paths stay relative), for the commands printed at the end. */
    private String shownDb() {
        return global.db().map(Path::toString).orElse("demo.db");
    }
}
