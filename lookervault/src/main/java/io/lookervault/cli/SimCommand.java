package io.lookervault.cli;

import io.lookersim.SimMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code lookervault sim serve ...}: the bundled simulator, for demos and trying the tool safely. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run the bundled Looker API 4.0 simulator (for demos, tests, trying the tool safely).",
        subcommands = SimCommand.Serve.class,
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault sim serve --port 8080 --scale 1000",
                "  lookervault sim serve --help"})
final class SimCommand implements Runnable {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Hands every argument, --help included, to the simulator's own command line. */
    @Command(name = "serve",
            description = "Start the simulator on 127.0.0.1, print its URL and credentials, serve until Ctrl-C."
                    + " All options belong to the simulator: see 'lookervault sim serve --help'.")
    static final class Serve implements Callable<Integer> {
        @Unmatched
        private List<String> args = new ArrayList<>();

        private final CliContext ctx;

        Serve(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return SimMain.run(args.toArray(String[]::new), ctx.out(), ctx.err());
        }
    }
}
