package io.lookervault.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole effective configuration of one command.
 *
 * @param looker     how to reach Looker
 * @param resilience shared rate limit and retry settings
 * @param extract    extraction defaults
 * @param db         the vault file
 * @param snapshot   where and how {@code snapshot push} sends the vault
 * @param provenance every setting with its displayable value and source, in a stable order (for {@code check})
 */
public record AppConfig(LookerSettings looker, ResilienceSettings resilience, ExtractSettings extract, Path db,
                        List<SettingValue> provenance, SnapshotSettings snapshot) {
    public AppConfig {
        provenance = List.copyOf(provenance);
    }

    public AppConfig(LookerSettings looker, ResilienceSettings resilience, ExtractSettings extract, Path db,
                     List<SettingValue> provenance) {
        this(looker, resilience, extract, db, provenance, SnapshotSettings.defaults());
    }
}
