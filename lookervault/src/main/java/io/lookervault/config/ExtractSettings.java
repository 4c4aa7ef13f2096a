package io.lookervault.config;

/**
 * Extraction knobs that live in configuration (command flags of {@code extract} override them).
 *
 * @param workers   parallel fetch workers, within {@link io.lookervault.job.Workers}
 * @param batchSize items per list page and per vault write batch, 1..1000
 */
public record ExtractSettings(int workers, int batchSize) {
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int MAX_BATCH_SIZE = 1000;

    public static ExtractSettings defaults() {
        return new ExtractSettings(io.lookervault.job.Workers.DEFAULT, DEFAULT_BATCH_SIZE);
    }
}
