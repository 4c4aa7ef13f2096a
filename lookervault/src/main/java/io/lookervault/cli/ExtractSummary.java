package io.lookervault.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.extract.ExtractReport;
import io.lookervault.vault.FailureRecord;
import io.lookervault.vault.TypeCounts;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Renders an {@link ExtractReport} as the summary table or the documented JSON object. */
final class ExtractSummary {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LISTED_FAILURES = 50;

    private ExtractSummary() {}

    /**
     * {@code {"run_id","status","duration_seconds","requests","retries","rate_limited",
     * "in_flight":{"mode","min","median","max"},"items":{...},"failures":[...]}}
     */
    static ObjectNode json(ExtractReport r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("run_id", r.runId());
        n.put("status", r.status().key());
        n.put("duration_seconds", Math.round(r.durationSeconds() * 1000) / 1000.0);
        n.put("requests", r.requests());
        n.put("retries", r.retries());
        n.put("rate_limited", r.rateLimited());
        var moved = r.inFlight().moved();
        n.putObject("in_flight").put("mode", r.inFlight().adaptive() ? "auto" : "fixed")
                .put("min", moved.min()).put("median", moved.median()).put("max", moved.max());
        ObjectNode items = n.putObject("items");
        for (Map.Entry<String, TypeCounts> e : r.items().entrySet()) {
            TypeCounts c = e.getValue();
            ObjectNode t = items.putObject(e.getKey());
            t.put("total", c.total());
            t.put("new", c.newItems());
            t.put("changed", c.changed());
            t.put("unchanged", c.unchanged());
            t.put("deleted", c.deleted());
            t.put("failed", c.failed());
        }
        ArrayNode failures = n.putArray("failures");
        for (FailureRecord f : r.failures()) {
            failures.addObject().put("type", f.type()).put("id", f.id()).put("operation", f.operation())
                    .put("status", f.status()).put("error", f.message());
        }
        return n;
    }

    static void printJson(ExtractReport r, PrintStream out) {
        out.println(json(r).toString());
    }

    static void printTable(ExtractReport r, PrintStream out) {
        String fmt = "%-16s %8s %8s %8s %10s %8s %7s%n";
        out.printf(fmt, "TYPE", "TOTAL", "NEW", "CHANGED", "UNCHANGED", "DELETED", "FAILED");
        long total = 0;
        for (Map.Entry<String, TypeCounts> e : r.items().entrySet()) {
            TypeCounts c = e.getValue();
            total += c.total();
            out.printf(fmt, e.getKey(), c.total(), c.newItems(), c.changed(), c.unchanged(), c.deleted(), c.failed());
        }
        double secs = Math.max(r.durationSeconds(), 0.001);
        out.printf(Locale.ROOT, "%nrun %d %s%s: %d items in %.1f s (%.0f items/s), %d requests, %d retries,"
                        + " %d rate-limited (429)%n", r.runId(), r.status().key(), r.resumed() ? " (resumed)" : "",
                total, r.durationSeconds(), r.itemsStored() / secs, r.requests(), r.retries(), r.rateLimited());
        var moved = r.inFlight().moved();
        if (moved.max() > 0) {
            out.printf(Locale.ROOT, "requests in flight (%s): min %d, median %d, max %d%n",
                    r.inFlight().adaptive() ? "auto" : "fixed", moved.min(), moved.median(), moved.max());
        }
        if (!r.failures().isEmpty()) {
            out.printf("%nfailed (%d; the next extract retries them first):%n", r.failures().size());
            r.failures().stream().limit(MAX_LISTED_FAILURES).forEach(f -> out.printf("  %s %s [%s] %d %s%n",
                    f.type(), f.id(), f.operation(), f.status(), f.message()));
            if (r.failures().size() > MAX_LISTED_FAILURES) {
                out.printf("  ... and %d more (--output json lists all)%n", r.failures().size() - MAX_LISTED_FAILURES);
            }
        }
    }
}
