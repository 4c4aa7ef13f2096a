package io.lookervault.cli;

import io.lookervault.config.AppConfig;
import io.lookervault.config.SnapshotSettings;
import io.lookervault.snapshot.AgeKey;
import io.lookervault.snapshot.BlobStore;
import io.lookervault.snapshot.Repo;
import io.lookervault.snapshot.SnapshotException;
import io.lookervault.snapshot.StoreOptions;
import io.lookervault.snapshot.Stores;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What the snapshot commands share: the store from {@code --to}/{@code [snapshot]}, the age key, errors. */
final class SnapshotSupport {
    static final String KEY_ENV = "LOOKERVAULT_SNAPSHOT_KEY";
    static final String PASSPHRASE_ENV = "LOOKERVAULT_SNAPSHOT_PASSPHRASE";
    /** scrypt's log2 N for a new passphrase store (default 18, age's); lower only for tests. */
    static final String WORK_FACTOR_ENV = "LOOKERVAULT_SNAPSHOT_SCRYPT_WORK_FACTOR";

    private SnapshotSupport() {}

    /** Opens the repository of {@code url} (or {@code [snapshot] snapshot_url}); {@code create} for push. */
    static Repo open(CliContext ctx, AppConfig cfg, String url, boolean create) {
        SnapshotSettings s = cfg.snapshot();
        String where = Optional.ofNullable(url).or(s::url).orElseThrow(() -> new CommandException(ExitCodes.USAGE,
                "no snapshot store: give --to s3://bucket/prefix (or file:///path), or set snapshot_url under"
                        + " [snapshot] in lookervault.toml (env LOOKERVAULT_SNAPSHOT_URL)"));
        Optional<AgeKey> key = Optional.ofNullable(ctx.env().get(KEY_ENV)).filter(k -> !k.isBlank())
                .map(k -> setup(() -> AgeKey.parse(k)));
        Optional<String> passphrase = Optional.ofNullable(ctx.env().get(PASSPHRASE_ENV)).filter(p -> !p.isEmpty());
        int workFactor = setup(() -> workFactor(ctx.env().get(WORK_FACTOR_ENV)));
        BlobStore store = setup(() -> Stores.open(where, new StoreOptions(s.endpoint(), s.region(), s.pathStyle())));
        try {
            return setup(() -> Repo.open(store, new Repo.Secrets(key, passphrase, workFactor), s.encrypt(), create));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static int workFactor(String env) {
        if (env == null || env.isBlank()) {
            return 18;
        }
        try {
            int n = Integer.parseInt(env.strip());
            if (n >= 1 && n <= 22) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is allowed
        }
        throw new SnapshotException(WORK_FACTOR_ENV + " must be a whole number from 1 to 22 (age's bounds)");
    }

    /** Store and key problems the user fixes in settings: exit 2. */
    private static <T> T setup(Callable<T> body) {
        try {
            return body.call();
        } catch (SnapshotException e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A damaged or unreachable store found while working: exit 4, nothing overwritten. */
    static <T> T run(Callable<T> body) throws Exception {
        try {
            return body.call();
        } catch (SnapshotException.Refused e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (SnapshotException e) {
            throw new CommandException(ExitCodes.PARTIAL, e.getMessage(), e);
        } catch (io.lookervault.vault.VaultException e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /**
     * Takes the store's lock for a push (shared) or prune (exclusive); with {@code force}, first removes every
     * lock there (their holders are known to be gone). A held store: exit 2 with who holds it.
     */
    static io.lookervault.snapshot.StoreLock lock(Repo repo, io.lookervault.snapshot.StoreLock.Kind kind,
                                                  boolean force) throws Exception {
        return run(() -> {
            if (force) {
                io.lookervault.snapshot.StoreLock.forceUnlock(repo.store());
            }
            return io.lookervault.snapshot.StoreLock.acquire(repo.store(), kind, io.lookervault.snapshot.StoreLock.self(),
                    java.time.Clock.systemUTC(), true);
        });
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static AppConfig config(GlobalOptions global, CliContext ctx) {
        return global.loadConfig(ctx, Map.of());
    }
}
