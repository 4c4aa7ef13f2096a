package io.lookervault.cli;

import io.lookersim.LookerSim;
import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.config.Secret;
import io.lookervault.looker.LookerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {"The whole story in one command, narrated: back up a simulated Looker, break something in it "
                + "(delete a dashboard, move a folder, take a user out of a group), find the damage with diff, "
                + "restore it, and prove it with verify --against-source.",
                "Each step prints the exact command it runs, so you can repeat it against your own Looker. The "
                + "simulator runs in this process; the vault (default ./tour.db) stays for you to look into."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault tour",
                "  lookervault --db /tmp/tour.db tour --scale 300",
                "",
                "Exit codes: 0 every step worked and the damage is undone, 2 the vault file exists already,",
                "4 a step failed or something did not come back (the step says which)."})
final class TourCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--scale", paramLabel = "N", description = "Approximate number of items (default 500).")
    int scale = 500;

    private final CliContext ctx;

    TourCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        String shownDb = global.db().map(Path::toString).orElse("tour.db");
        Path db = ctx.workingDir().resolve(shownDb);
        if (Files.exists(db)) {
            throw new CommandException(ExitCodes.USAGE, "vault " + db + " exists already; the tour starts from an "
                    + "empty vault: delete it (and its -wal/-shm files) or give another path with --db");
        }
        if (scale < 50) {
            throw new CommandException(ExitCodes.USAGE, "--scale must be at least 50 (the tour needs a few dashboards,"
                    + " folders and groups to break)");
        }
        try (LookerSim sim = LookerSim.builder().port(0).scale(scale).seed(42).latencyMs(2).build().start()) {
            LookerSettings looker = LookerSettings.of(sim.baseUrl(), sim.clientId(), Secret.of(sim.clientSecret()),
                    true, Duration.ofSeconds(30));
            // the tour's own hands in Looker: what a person does in the UI, done through the API
            try (LookerClient hands = LookerClient.create(looker, ResilienceSettings.defaults().withRates(100_000, 0))) {
                return new Tour(ctx, sim, shownDb, hands).run();
            }
        }
    }
}
