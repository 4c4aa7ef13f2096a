package io.lookervault.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code lookervault}: with no subcommand it prints the help. */
@Command(name = "lookervault",
        versionProvider = RootCommand.Version.class,
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Back up a Looker instance through the Looker API 4.0 into a local SQLite vault, and restore it.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0 ok; 1 unexpected error; 2 usage or configuration error;",
                "  3 cannot connect or authenticate; 4 finished but some items failed;",
                "  130 interrupted (resumable).",
                "",
                "Settings, lowest precedence first: built-in defaults, looker.ini [Looker],",
                "lookervault.toml, environment (LOOKERSDK_*, LOOKERVAULT_*), flags.",
                "",
                "Examples:",
                "  lookervault check",
                "  lookervault info --output json",
                "  lookervault sim serve --port 8080"})
public final class RootCommand implements Runnable {
    @Mixin
    private GlobalOptions global;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    GlobalOptions global() {
        return global;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version baked in at build time (lookervault-version.properties, filtered by Maven). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lookervault " + version(), "Java " + System.getProperty("java.version")};
        }

        static String version() {
            try (InputStream in = RootCommand.class.getResourceAsStream("/lookervault-version.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "dev");
            } catch (IOException e) {
                return "dev";
            }
        }
    }
}
