package io.lookervault.cli;

import io.lookervault.config.AppConfig;
import io.lookervault.config.ConfigLoader;
import io.lookervault.config.ConfigSources;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The global options, as a mixin every command includes ({@code @Mixin GlobalOptions global;}). Values
 * are stored on the root command's instance, so {@code lookervault -v check} and
 * {@code lookervault check -v} mean the same; read them through the accessors.
 */
public final class GlobalOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private Path db;
    private Path config;
    private OutputFormat output;
    private boolean verbose;
    private boolean quiet;

    private GlobalOptions root() {
        if (mixee == null) {
            return this;
        }
        Object top = mixee.root().userObject();
        return top instanceof RootCommand r ? r.global() : this;
    }

    @Option(names = "--db", order = 10, paramLabel = "PATH",
            description = "Vault file (default: looker.db; env LOOKERVAULT_DB).")
    void setDb(Path db) {
        root().db = db;
    }

    @Option(names = "--config", order = 11, paramLabel = "FILE",
            description = "A looker.ini or lookervault.toml to read (by extension) instead of ./looker.ini "
                    + "or ./lookervault.toml.")
    void setConfig(Path config) {
        root().config = config;
    }

    @Option(names = "--output", order = 12, paramLabel = "FORMAT", description = "table (default) or json.")
    void setOutput(OutputFormat output) {
        root().output = output;
    }

    @Option(names = {"-v", "--verbose"}, order = 13, description = "Debug logging, and stack traces on errors.")
    void setVerbose(boolean verbose) {
        root().verbose = verbose;
    }

    @Option(names = {"-q", "--quiet"}, order = 14, description = "Log errors only.")
    void setQuiet(boolean quiet) {
        root().quiet = quiet;
    }

    public Optional<Path> db() {
        return Optional.ofNullable(root().db);
    }

    public Optional<Path> config() {
        return Optional.ofNullable(root().config);
    }

    public OutputFormat output() {
        OutputFormat o = root().output;
        return o == null ? OutputFormat.TABLE : o;
    }

    public boolean json() {
        return output() == OutputFormat.JSON;
    }

    public boolean verbose() {
        return root().verbose;
    }

    public boolean quiet() {
        return root().quiet;
    }

    /**
     * Loads the configuration with these options and a command's own flag overrides (keyed by setting
     * name, null for "not given"); {@code --db} is added here.
     */
    public AppConfig loadConfig(CliContext ctx, Map<String, String> commandFlags) {
        Map<String, String> flags = new HashMap<>(commandFlags);
        db().ifPresent(p -> flags.put("db", p.toString()));
        return ConfigLoader.load(ConfigSources.discover(ctx.workingDir(), config(), ctx.env(), flags));
    }
}
