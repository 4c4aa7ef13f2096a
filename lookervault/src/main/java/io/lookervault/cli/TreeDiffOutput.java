package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.export.ImportPlan;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** {@code diff --dir}: what importing a tree would change in the vault, as a table or one JSON document. */
final class TreeDiffOutput {
    private TreeDiffOutput() {}

    static void render(ImportPlan p, String dir, PrintStream out, int width) {
        out.println("Changes from " + (p.baseRun() == 0 ? "an empty vault" : "run " + p.baseRun()) + " to " + dir + ":");
        Map<String, long[]> counts = new TreeMap<>();
        TextTable items = TextTable.of("TYPE", "CHANGE", "ID", "TITLE", "FIELDS");
        for (ImportPlan.Item i : p.items()) {
            if (i.action() == ImportPlan.Action.UNCHANGED) {
                continue;
            }
            boolean added = i.action() == ImportPlan.Action.ADDED;
            counts.computeIfAbsent(i.type(), k -> new long[3])[added ? 0 : 2]++;
            items.row(i.type(), added ? "added" : "changed", i.id(), i.title(),
                    String.join(", ", i.fields()));
        }
        for (ImportPlan.Gone g : p.gone()) {
            counts.computeIfAbsent(g.type(), k -> new long[3])[1]++;
            items.row(g.type(), "removed", g.id(), g.title(), "");
        }
        if (counts.isEmpty()) {
            out.println("No changes.");
            return;
        }
        TextTable summary = TextTable.of("TYPE", "ADDED", "REMOVED", "CHANGED");
        counts.forEach((t, c) -> summary.row(t, c[0], c[1], c[2]));
        summary.render(out, width);
        out.println();
        items.render(out, width);
    }

    static ObjectNode json(ImportPlan p, String dir) {
        ObjectNode root = JsonOutput.object().put("from_run", p.baseRun()).put("dir", dir);
        var arr = root.putArray("changes");
        for (ImportPlan.Item i : p.items()) {
            if (i.action() != ImportPlan.Action.UNCHANGED) {
                ObjectNode c = arr.addObject().put("type", i.type())
                        .put("change", i.action().name().toLowerCase()).put("id", i.id())
                        .put("title", i.title()).put("file", i.path());
                i.fields().forEach(c.putArray("fields")::add);
            }
        }
        p.gone().forEach(g -> arr.addObject().put("type", g.type()).put("change", "removed").put("id", g.id())
                .put("title", g.title()));
        return root;
    }
}
