package io.lookervault.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;

/** The entry point; the only place that calls {@link System#exit}. */
public final class Main {
    private static final long SHUTDOWN_GRACE_MS = 20_000;

    private Main() {}

    public static void main(String[] args) {
        Shutdown shutdown = new Shutdown();
        AtomicBoolean finished = new AtomicBoolean();
        Thread command = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.get()) {
                return;
            }
            // Ctrl-C: tell the command, interrupt it, and give it time to commit and exit 130.
            shutdown.request();
            command.interrupt();
            try {
                command.join(SHUTDOWN_GRACE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lookervault-shutdown"));
        int code = run(args, new CliContext(System.out, System.err, System.getenv(),
                Path.of("").toAbsolutePath(), shutdown));
        finished.set(true);
        if (!shutdown.isRequested()) {
            System.exit(code);
        }
        // During a shutdown System.exit would block forever; returning lets the JVM finish with 130.
    }

    /** Runs one command line in-process and returns its exit code (for tests and embedding). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, new CliContext(out, err, env, Path.of("").toAbsolutePath(), new Shutdown()));
    }

    public static int run(String[] args, CliContext ctx) {
        try {
            return commandLine(ctx, args).execute(args);
        } catch (RuntimeException e) {
            // picocli reports command errors itself; this catches a broken command declaration
            ctx.err().println("lookervault: internal error: " + e);
            return ExitCodes.UNEXPECTED;
        }
    }

    static CommandLine commandLine(CliContext ctx) {
        return commandLine(ctx, new String[0]);
    }

    /**
     * The command line for {@code args}: when they name a subcommand, only that one is built. Building all of
     * them (picocli reads every command's annotations by reflection) cost about a second of CPU at every start,
     * an eighth of a whole 2,000-request extraction's (JFR); the root's help and errors still see them all.
     */
    static CommandLine commandLine(CliContext ctx, String[] args) {
        RootCommand root = new RootCommand();
        CommandLine cl = new CommandLine(root, new CommandFactory(ctx));
        Class<?> named = named(cl, args);
        for (Class<?> sub : Commands.ALL) {
            if (named == null || sub == named) {
                cl.addSubcommand(sub);
            }
        }
        addHelpOptions(cl);
        ErrorHandler errors = new ErrorHandler(ctx, root.global());
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionStrategy(parsed -> {
            Logging.configure(root.global());
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    /**
     * The subcommand the first positional word of {@code args} names (a root option's value is not a word), or
     * null: none, or an unknown one, which picocli then reports against all of them.
     */
    private static Class<?> named(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-")) {
                CommandLine.Model.OptionSpec o = a.contains("=") ? null : root.getCommandSpec().findOption(a);
                if (o != null && o.arity().max() > 0) {
                    i++; // its value
                }
                continue;
            }
            for (Class<?> sub : Commands.ALL) {
                CommandLine.Command c = sub.getAnnotation(CommandLine.Command.class);
                if (c != null && (c.name().equals(a) || java.util.Arrays.asList(c.aliases()).contains(a))) {
                    return sub;
                }
            }
            return null;
        }
        return null;
    }

    /** Every command gets -h/--help, except {@code sim serve}, which hands --help to the simulator. */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            boolean hasHelp = sub.getCommandSpec().optionsMap().containsKey("--help");
            if (!hasHelp && !(sub.getCommand() instanceof SimCommand.Serve)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            addHelpOptions(sub);
        }
    }
}
