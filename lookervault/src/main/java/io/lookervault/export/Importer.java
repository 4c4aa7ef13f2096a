package io.lookervault.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.vault.Hashes;
import io.lookervault.vault.ImportSource;
import io.lookervault.vault.KnownItem;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultReader;
import io.lookervault.vault.WriteOp;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code import} and {@code diff --dir}: walks a tree against the vault ({@link ImportPlan}) and, for an import,
 * stores it as one new run of mode {@code import} in one transaction, streaming file by file. An unchanged
 * object keeps what the vault knew of its listing, so the next incremental extraction still skips it; a changed
 * or new one forgets it, so that extraction fetches it from Looker again instead of trusting the edited copy.
 * Not thread-safe.
 */
public final class Importer {
    private Importer() {}

    /** What {@code tree} would change in the vault (read-only). */
    public static ImportPlan plan(TreeReader reader, TreeReader.Tree tree, VaultReader vault) {
        long run = vault.lastRun().map(RunRecord::runId).orElse(0L);
        ImportPlan.Baseline base = new Baseline(run, (type, id) -> vault.documentAsOf(type, id, run),
                type -> vault.fieldsAsOf(type, run, List.of()).keySet());
        return ImportPlan.walk(reader, tree, base, (item, json) -> { });
    }

    /** Stores {@code tree} as a new run; nothing is written if any file is bad or anything else fails. */
    public static Result write(Vault vault, TreeReader reader, TreeReader.Tree tree, Clock clock) {
        Source source = new Source(vault, reader, tree);
        RunRecord run = vault.importRun(source, clock);
        return new Result(run, source.plan);
    }

    /** The documents of one vault run, read through {@code doc} and {@code idsOf}; run 0 is an empty vault. */
    private record Baseline(long run, BiFunction<String, String, Optional<String>> doc,
                            Function<String, Set<String>> idsOf) implements ImportPlan.Baseline {
        @Override
        public Optional<String> json(String type, String id) {
            return run == 0 ? Optional.empty() : doc.apply(type, id);
        }

        @Override
        public Set<String> ids(String type) {
            return run == 0 ? Set.of() : idsOf.apply(type);
        }
    }

    /** The run an import made and what it did. */
    public record Result(RunRecord run, ImportPlan plan) {}

    private static final class Source implements ImportSource {
        private final Vault vault;
        private final TreeReader reader;
        private final TreeReader.Tree tree;
        private final long baseRun;
        private ImportPlan plan;

        Source(Vault vault, TreeReader reader, TreeReader.Tree tree) {
            this.vault = vault;
            this.reader = reader;
            this.tree = tree;
            List<RunRecord> runs = vault.runs();
            this.baseRun = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).runId();
        }

        @Override
        public String baseUrl() {
            return tree.manifest().sourceUrl();
        }

        @Override
        public void items(Consumer<WriteOp.Fetched> sink) {
            ImportPlan.Baseline base = new Baseline(baseRun, (type, id) -> vault.json(type, id, baseRun),
                    type -> vault.snapshot(type, baseRun).keySet());
            plan = ImportPlan.walk(reader, tree, base, (item, json) -> {
                KnownItem k = item.action() == ImportPlan.Action.UNCHANGED
                        ? vault.known(item.type(), List.of(item.id())).get(item.id()) : null;
                String hash = json.sha256() != null ? json.sha256() : Hashes.sha256(json.json());
                sink.accept(new WriteOp.Fetched(item.type(), item.id(), json.json(), hash,
                        k == null ? null : k.updatedAt(), k == null ? null : k.listFp(), k == null ? null : k.deps()));
            });
        }

        @Override
        public List<String> types() {
            return plan.types();
        }

        @Override
        public Set<String> wholeTypes() {
            return Set.copyOf(plan.types().stream().filter(tree.manifest()::whole).toList());
        }

        /** The run's options: its types (what {@code verify} expects finished) and where the tree came from. */
        @Override
        public String optionsJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            plan.types().forEach(o.putArray("types")::add);
            Manifest m = tree.manifest();
            m.folderIds().forEach(o.putArray("folder_ids")::add);
            o.put("recursive", m.recursive());
            ObjectNode imp = o.putObject("import");
            imp.put("dir", tree.dir().toAbsolutePath().normalize().toString()).put("source_run", m.run())
                    .put("files", plan.items().size());
            wholeTypes().stream().sorted().forEach(imp.putArray("whole_types")::add);
            return o.toString();
        }
    }
}
