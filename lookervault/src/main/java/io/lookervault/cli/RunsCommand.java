package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.inspect.RunOptionsView;
import io.lookervault.vault.FailureRecord;
import io.lookervault.vault.RunLimits;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.TypeCounts;
import io.lookervault.vault.VaultAudit;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "runs", sortOptions = false, subcommands = RunsCommand.Show.class,
        description = "List the extraction runs (numbered 1, 2, 3... in the order they started): start, duration,"
                + " status, mode and per-type counts.",
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault runs",
                "  lookervault runs show 3",
                "  lookervault runs --output json | jq '.[-1].status'"})
final class RunsCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    private final CliContext ctx;

    RunsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (VaultReader reader = InspectSupport.open(global, ctx)) {
            List<RunRecord> runs = reader.runs();
            if (global.json()) {
                ArrayNode out = JsonOutput.MAPPER.createArrayNode();
                runs.forEach(r -> out.add(json(r)));
                JsonOutput.print(ctx.out(), out);
                return ExitCodes.OK;
            }
            TextTable t = TextTable.of("RUN", "STARTED", "DURATION", "STATUS", "MODE", "ITEMS", "NEW", "CHANGED", "DELETED",
                    "FAILED");
            for (RunRecord r : runs) {
                TypeCounts s = sum(r.counts());
                t.row(r.runId(), InspectSupport.time(r.startedAt()), InspectSupport.duration(r.durationMs()), r.status().key(), r.mode().key(), s.total(),
                        s.newItems(), s.changed(), s.deleted(), s.failed());
            }
            t.render(ctx.out(), TextTable.width(ctx.env()));
            if (runs.isEmpty()) {
                ctx.out().println("No runs yet: 'lookervault extract' makes the first.");
            }
            return ExitCodes.OK;
        } catch (VaultException e) {
            throw InspectSupport.damaged(e);
        }
    }

    static TypeCounts sum(Map<String, TypeCounts> counts) {
        long[] s = new long[6];
        for (TypeCounts c : counts.values()) {
            long[] v = {c.total(), c.newItems(), c.changed(), c.unchanged(), c.deleted(), c.failed()};
            for (int i = 0; i < 6; i++) {
                s[i] += v[i];
            }
        }
        return new TypeCounts(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    static ObjectNode json(RunRecord r) {
        ObjectNode n = JsonOutput.object();
        n.put("run_id", r.runId()).put("base_url", r.baseUrl()).put("status", r.status().key()).put("mode", r.mode().key())
                .put("started_at", r.startedAt()).put("finished_at", r.finishedAt())
                .put("duration_seconds", r.durationMs() / 1000.0).put("requests", r.requests())
                .put("retries", r.retries()).put("rate_limited", r.rateLimited());
        n.set("totals", counts(sum(r.counts())));
        ObjectNode types = n.putObject("types");
        r.counts().forEach((type, c) -> types.set(type, counts(c)));
        return n;
    }

    static ObjectNode counts(TypeCounts c) {
        return JsonOutput.object().put("total", c.total()).put("new", c.newItems()).put("changed", c.changed())
                .put("unchanged", c.unchanged()).put("deleted", c.deleted()).put("failed", c.failed());
    }

    @Command(mixinStandardHelpOptions = true, name = "show", sortOptions = false,
            description = "One run in detail: options, how the in-flight limit moved, counts per type, and the"
                    + " items that failed.",
            footerHeading = "%nExamples:%n",
            footer = {"  lookervault runs show 3", "  lookervault runs show 3 --output json"})
    static final class Show implements Callable<Integer> {
        @Mixin
        private GlobalOptions global;

        @Parameters(index = "0", paramLabel = "N", description = "The run number.")
        private String run;

        private final CliContext ctx;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (VaultReader reader = InspectSupport.open(global, ctx)) {
                RunRecord r = InspectSupport.run(reader, InspectSupport.parseRun(run));
                List<FailureRecord> failures = new VaultAudit(reader).openFailures(r.runId());
                List<RunLimits> limits = reader.limits(r.runId());
                if (global.json()) {
                    ObjectNode n = json(r);
                    n.set("options", RunOptionsView.raw(r.options()));
                    n.set("in_flight", RunLimitsView.json(limits));
                    ArrayNode f = n.putArray("failures");
                    failures.forEach(x -> f.addObject().put("type", x.type()).put("id", x.id())
                            .put("operation", x.operation()).put("status", x.status()).put("message", x.message())
                            .put("attempts", x.attempts()));
                    JsonOutput.print(ctx.out(), n);
                } else {
                    render(r, failures, limits);
                }
                return ExitCodes.OK;
            } catch (VaultException e) {
                throw InspectSupport.damaged(e);
            }
        }

        private void render(RunRecord r, List<FailureRecord> failures, List<RunLimits> limits) {
            int width = TextTable.width(ctx.env());
            TextTable head = TextTable.of("RUN " + r.runId(), "");
            head.row("Looker", r.baseUrl()).row("Status", r.status().key()).row("Mode", r.mode().key())
                    .row("Started", InspectSupport.time(r.startedAt()))
                    .row("Finished", r.finishedAt() == null ? "(never)" : InspectSupport.time(r.finishedAt()))
                    .row("Duration", InspectSupport.duration(r.durationMs()))
                    .row("Requests", r.requests() + " (" + r.retries() + " retries, " + r.rateLimited() + " rate-limited)")
                    .row("Options", RunOptionsView.of(r.options()).describe());
            for (RunLimits l : limits) {
                head.row(limits.size() > 1 ? "In flight (" + l.segment() + ")" : "In flight", RunLimitsView.describe(l));
            }
            head.render(ctx.out(), width);
            ctx.out().println();
            TextTable t = TextTable.of("TYPE", "TOTAL", "NEW", "CHANGED", "UNCHANGED", "DELETED", "FAILED");
            r.counts().forEach((type, c) -> t.row(type, c.total(), c.newItems(), c.changed(), c.unchanged(),
                    c.deleted(), c.failed()));
            TypeCounts s = sum(r.counts());
            t.row("(all)", s.total(), s.newItems(), s.changed(), s.unchanged(), s.deleted(), s.failed());
            t.render(ctx.out(), width);
            if (!failures.isEmpty()) {
                ctx.out().println();
                TextTable f = TextTable.of("FAILED TYPE", "ID", "OPERATION", "HTTP", "ATTEMPTS", "MESSAGE");
                failures.forEach(x -> f.row(x.type(), x.id(), x.operation(), x.status(), x.attempts(), x.message()));
                f.render(ctx.out(), width);
            }
        }
    }
}
