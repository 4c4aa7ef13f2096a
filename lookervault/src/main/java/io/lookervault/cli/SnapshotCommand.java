package io.lookervault.cli;

import io.lookervault.snapshot.AgeKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Off-site copies of the vault in object storage (s3://bucket/prefix: AWS S3, MinIO, R2, GCS's S3"
                + " interface) or a folder (file:///path): deduplicated packs of documents, zstd, optionally"
                + " age-encrypted, with retention.",
                "The store comes from --to or snapshot_url under [snapshot]; S3 credentials only from the AWS"
                        + " default chain; the age key from LOOKERVAULT_SNAPSHOT_KEY."},
        subcommands = {SnapshotPushCommand.class, SnapshotListCommand.class, SnapshotPullCommand.class,
                SnapshotVerifyCommand.class, SnapshotPruneCommand.class, SnapshotCommand.Keygen.class},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault snapshot push --to s3://acme-backups/looker",
                "  lookervault snapshot list",
                "  lookervault snapshot pull latest --db /restore/looker.db",
                "  lookervault snapshot verify latest --sample 10",
                "  lookervault snapshot prune --keep-daily 7 --keep-weekly 5 --keep-monthly 12",
                "", "Exit codes: 0 ok, 2 usage/config (no store, wrong key), 4 the store is damaged or a transfer"
                        + " failed (nothing local is overwritten)."})
final class SnapshotCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliContext ctx;

    SnapshotCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw new CommandException(ExitCodes.USAGE, "snapshot needs a subcommand: push, list, pull, verify, prune or"
                + " keygen (see snapshot --help)");
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Print a new age identity for encrypted snapshots (keep it safe: without it no snapshot"
                    + " can be read). Put it in LOOKERVAULT_SNAPSHOT_KEY; its recipient (public) is shown on stderr.",
            footerHeading = "%nExamples:%n",
            footer = {"  lookervault snapshot keygen > snapshot-key.txt && chmod 600 snapshot-key.txt",
                    "  export LOOKERVAULT_SNAPSHOT_KEY=$(cat snapshot-key.txt)"})
    static final class Keygen implements Callable<Integer> {
        private final CliContext ctx;

        Keygen(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            AgeKey k = AgeKey.generate();
            ctx.err().println("# public key: " + k.recipient());
            ctx.out().println(k.identity());
            return ExitCodes.OK;
        }
    }
}
