package io.lookervault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.inspect.RunDiff;
import java.io.PrintStream;
import java.util.List;

/** Renders a run-to-run diff as a table or one JSON document. */
final class DiffOutput {
    private DiffOutput() {}

    static void render(RunDiff d, PrintStream out, int width) {
        out.println("Changes from run " + d.fromRun() + " to run " + d.toRun() + ":");
        TextTable summary = TextTable.of("TYPE", "ADDED", "REMOVED", "CHANGED");
        TextTable items = TextTable.of("TYPE", "CHANGE", "ID", "TITLE", "FIELDS");
        for (RunDiff.TypeDiff t : d.types()) {
            if (t.isEmpty()) {
                continue;
            }
            summary.row(t.type(), t.added().size(), t.removed().size(), t.changed().size());
            rows(items, t.type(), "added", t.added());
            rows(items, t.type(), "removed", t.removed());
            rows(items, t.type(), "changed", t.changed());
        }
        if (d.types().stream().allMatch(RunDiff.TypeDiff::isEmpty)) {
            out.println("No changes.");
            return;
        }
        summary.render(out, width);
        out.println();
        items.render(out, width);
    }

    private static void rows(TextTable t, String type, String change, List<RunDiff.ItemChange> items) {
        items.forEach(i -> t.row(type, change, i.id(), i.title(), String.join(", ", i.fields())));
    }

    static ObjectNode json(RunDiff d) {
        ObjectNode root = JsonOutput.object();
        root.put("from_run", d.fromRun()).put("to_run", d.toRun());
        ObjectNode types = root.putObject("types");
        long[] totals = new long[3];
        for (RunDiff.TypeDiff t : d.types()) {
            if (t.isEmpty()) {
                continue;
            }
            ObjectNode n = types.putObject(t.type());
            items(n.putArray("added"), t.added(), false);
            items(n.putArray("removed"), t.removed(), false);
            items(n.putArray("changed"), t.changed(), true);
            totals[0] += t.added().size();
            totals[1] += t.removed().size();
            totals[2] += t.changed().size();
        }
        root.putObject("totals").put("added", totals[0]).put("removed", totals[1]).put("changed", totals[2]);
        return root;
    }

    private static void items(ArrayNode out, List<RunDiff.ItemChange> items, boolean fields) {
        for (RunDiff.ItemChange i : items) {
            ObjectNode n = out.addObject().put("id", i.id()).put("title", i.title());
            if (fields) {
                ArrayNode f = n.putArray("fields");
                i.fields().forEach(f::add);
            }
        }
    }

    /** One line: a prefix and a JSON value, cut to the terminal width. */
    static String fit(String prefix, JsonNode v, int width) {
        String s = prefix + (v.isTextual() ? "\"" + v.asText() + "\"" : v.toString());
        return s.length() > width ? s.substring(0, width - 1) + "…" : s;
    }
}
