package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.restore.ContentValidator;
import io.lookervault.restore.Preflight;
import java.io.PrintStream;

/** Renders the restore pre-flight and Looker's content validation as tables or JSON. Stateless. */
final class ContentChecks {
    /** How many items needing a missing model a table line names before "and N more". */
    private static final int NAMED = 3;

    private ContentChecks() {}

    static void print(PrintStream out, Preflight.Report r, int width) {
        if (r.missing().isEmpty()) {
            out.printf("Pre-flight: the destination has every LookML model and explore the content needs"
                    + " (%d models, %d explores), their connections, and the owners and recipients it names%n",
                    r.models(), r.explores());
            return;
        }
        out.println("Pre-flight: the destination lacks what this content needs; these items would not run:");
        TextTable t = TextTable.of("MISSING", "NAME", "ITEMS", "WOULD BREAK");
        for (Preflight.Missing m : r.missing()) {
            int n = m.needers().size();
            String named = String.join(", ", m.needers().subList(0, Math.min(NAMED, n)))
                    + (n > NAMED ? " and " + (n - NAMED) + " more" : "");
            t.row(m.kind(), m.name(), n, named);
        }
        t.render(out, width);
    }

    static ObjectNode json(Preflight.Report r) {
        ObjectNode o = JsonOutput.object();
        o.put("models_needed", r.models()).put("explores_needed", r.explores());
        ArrayNode a = o.putArray("missing");
        for (Preflight.Missing m : r.missing()) {
            ObjectNode x = a.addObject().put("kind", m.kind()).put("name", m.name());
            m.needers().forEach(x.putArray("items")::add);
        }
        return o;
    }

    static void print(PrintStream out, ContentValidator.Result r, String what, int width) {
        long items = r.problems().stream().map(p -> p.type() + " " + p.id()).distinct().count();
        out.printf("Content validation (Looker's content validator): %d %s with errors (%d errors); %d looks, %d tiles,"
                + " %d filters validated%n", items, what, r.problems().size(), r.looks(), r.tiles(), r.filters());
        if (r.problems().isEmpty()) {
            return;
        }
        TextTable t = TextTable.of("TYPE", "ID", "TITLE", "TILE / FILTER", "FIELD", "MESSAGE");
        for (ContentValidator.Problem p : r.problems()) {
            t.row(p.type(), p.id(), p.title(), p.part(), p.field(), p.message());
        }
        t.render(out, width);
    }

    static ObjectNode json(ContentValidator.Result r) {
        ObjectNode o = JsonOutput.object();
        o.put("looks_validated", r.looks()).put("tiles_validated", r.tiles()).put("filters_validated", r.filters());
        ArrayNode a = o.putArray("errors");
        for (ContentValidator.Problem p : r.problems()) {
            a.addObject().put("type", p.type()).put("id", p.id()).put("title", p.title()).put("part", p.part())
                    .put("field", p.field()).put("message", p.message());
        }
        return o;
    }
}
