package io.lookervault.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use from its surroundings, injected so commands run in-process in tests: standard
 * out (data) and err (messages), the environment, the working directory and the Ctrl-C signal. A command
 * receives it through a constructor taking one {@code CliContext} (see {@link CommandFactory}).
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Path workingDir,
                         Shutdown shutdown) {
    public CliContext {
        env = Map.copyOf(env);
    }
}
