package io.lookervault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.Redaction;
import io.lookervault.inspect.Documents;
import io.lookervault.inspect.TimeArgs;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.StoredVersion;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "show", sortOptions = false,
        description = {"Print one stored item's JSON exactly as Looker returned it (what the official SDK reads for it).",
                "Without --run/--as-of: the newest stored version (the last one, if the item is gone from Looker)."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault show dashboards 42",
                "  lookervault show dashboards 42 --run 3                 # as backed up by run 3",
                "  lookervault show looks 7 --as-of 2026-03-03            # as of the last run that day (UTC)",
                "  lookervault show looks 7 --as-of 2026-03-03T14:00+01:00 --fields id,title,query",
                "  lookervault show groups 5 --with-vault-keys             # plus members LookerVault fetched"})
final class ShowCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    @Parameters(index = "0", paramLabel = "TYPE", description = "Content type: ${COMPLETION-CANDIDATES}",
            completionCandidates = ExtractCommand.TypeKeys.class)
    private String type;

    @Parameters(index = "1", paramLabel = "ID", description = "The item's id (a name for lookml_models).")
    private String id;

    @ArgGroup(exclusive = true)
    private When when;

    static final class When {
        @Option(names = "--run", paramLabel = "N", description = "The version run N saw.")
        String run;

        @Option(names = "--as-of", paramLabel = "DATE[TIME]",
                description = "The version held by the last run started by then (UTC unless a zone is given).")
        String asOf;
    }

    @Option(names = "--fields", split = ",", paramLabel = "FIELD", description = "Only these top-level fields.")
    private List<String> fields = new ArrayList<>();

    @Option(names = "--with-vault-keys", description = "Keep the '_lookervault' key (memberships, access) LookerVault"
            + " stores beside Looker's object.")
    private boolean withVaultKeys;

    private final CliContext ctx;

    ShowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ContentType t = InspectSupport.type(type);
        try (VaultReader reader = InspectSupport.open(global, ctx)) {
            StoredVersion v = version(reader, t);
            JsonNode doc = Documents.parse(v.json());
            if (!withVaultKeys) {
                doc = Documents.lookerPart(doc);
            }
            JsonOutput.print(ctx.out(), Redaction.mask(Documents.select(doc, fields)));
            if (!global.quiet() && !global.json()) {
                ctx.err().println(t.key() + " " + id + ": version stored by run " + v.fromRun() + " ("
                        + v.fromStartedAt() + ")" + (v.current() ? "" : ", replaced or deleted in run " + v.toRun()));
            }
            return ExitCodes.OK;
        } catch (VaultException e) {
            throw InspectSupport.damaged(e);
        }
    }

    private StoredVersion version(VaultReader reader, ContentType t) {
        List<StoredVersion> all = reader.versions(t.key(), id);
        if (all.isEmpty()) {
            throw new CommandException(ExitCodes.USAGE, t.key() + " " + id + " is not in the vault ('lookervault list "
                    + t.key() + " --search TEXT' finds ids)");
        }
        if (when == null) {
            return all.get(all.size() - 1);
        }
        long run = runOf(reader);
        return reader.versionAsOf(t.key(), id, run).orElseThrow(() -> new CommandException(ExitCodes.USAGE,
                t.key() + " " + id + " did not exist as of run " + run + "; its versions start in run"
                        + (all.size() > 1 ? "s " : " ") + String.join(", ", all.stream()
                        .map(x -> Long.toString(x.fromRun())).toList()) + " ('lookervault history " + t.key() + " "
                        + id + "')"));
    }

    private long runOf(VaultReader reader) {
        if (when.run != null) {
            return InspectSupport.run(reader, InspectSupport.parseRun(when.run)).runId();
        }
        String at;
        try {
            at = TimeArgs.instant(when.asOf, true);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ExitCodes.USAGE, "--as-of: " + e.getMessage());
        }
        return reader.runAt(at).orElseThrow(() -> new CommandException(ExitCodes.USAGE,
                "no run had started by " + when.asOf + " ('lookervault runs' lists them)"));
    }
}
