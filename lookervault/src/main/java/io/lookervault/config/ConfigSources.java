package io.lookervault.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of {@link ConfigLoader}: which files to read, the environment, and flag overrides.
 *
 * @param workingDir where relative paths (default files, {@code db}) resolve
 * @param lookerIni  the Looker SDK ini file to read, if any
 * @param toml       the lookervault.toml file to read, if any
 * @param env        the environment (injected so tests do not depend on the real one)
 * @param flags      command-line overrides keyed by {@link Setting#key()} (e.g. {@code "workers" -> "4"});
 *                   null values mean "flag not given"
 */
public record ConfigSources(Path workingDir, Optional<Path> lookerIni, Optional<Path> toml, Map<String, String> env,
                            Map<String, String> flags) {

    public ConfigSources {
        env = Map.copyOf(env);
        flags = flags.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The usual discovery: {@code configFile} (from {@code --config}) is taken as looker.ini or
     * lookervault.toml by its extension and must exist; a kind not named by it is read from
     * {@code workingDir/looker.ini} or {@code workingDir/lookervault.toml} when that file exists.
     */
    public static ConfigSources discover(Path workingDir, Optional<Path> configFile, Map<String, String> env,
                                         Map<String, String> flags) {
        Optional<Path> ini = existing(workingDir.resolve("looker.ini"));
        Optional<Path> toml = existing(workingDir.resolve("lookervault.toml"));
        if (configFile.isPresent()) {
            Path file = workingDir.resolve(configFile.get());
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config", "--config file " + file + " does not exist");
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".ini")) {
                ini = Optional.of(file);
            } else if (name.endsWith(".toml")) {
                toml = Optional.of(file);
            } else {
                throw new ConfigException("config", "--config file " + file
                        + " must end in .ini (Looker SDK format) or .toml (lookervault.toml format)");
            }
        }
        return new ConfigSources(workingDir, ini, toml, env, flags);
    }

    private static Optional<Path> existing(Path p) {
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
