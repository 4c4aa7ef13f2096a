package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import io.lookervault.extract.ExtractOptions;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.vault.Vault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of {@code demo} after the simulator is up: the backups, the day's changes between them, and the
 * commands to try next. In JSON mode the runs' summaries and the next steps form one document.
 */
final class DemoSteps {
    private final CliContext ctx;
    private final GlobalOptions global;
    private final String db;
    private final ArrayNode runs = JsonOutput.MAPPER.createArrayNode();

    DemoSteps(CliContext ctx, GlobalOptions global, String db) {
        this.ctx = ctx;
        this.global = global;
        this.db = db;
    }

    /** One backup; its summary goes to stdout (table), or is kept for the final JSON document. */
    int backup(LookerApi api, Vault vault, String baseUrl, ExtractOptions options)
            throws LookerException, InterruptedException {
        if (!global.json()) {
            return ExtractRun.run(ctx, global, api, vault, baseUrl, options, false);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CliContext captured = new CliContext(new PrintStream(buffer, true, StandardCharsets.UTF_8), ctx.err(),
                ctx.env(), ctx.workingDir(), ctx.shutdown());
        int code = ExtractRun.run(captured, global, api, vault, baseUrl, options, false);
        try {
            runs.add(JsonOutput.MAPPER.readTree(buffer.toString(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("extract summary is not JSON", e);
        }
        return code;
    }

    /** What people do to a Looker in a day: a few dashboards edited, looks added and trashed, one dashboard deleted. */
    List<String> changeSomething(LookerSim sim) {
        List<String> edited = sim.mutate("dashboards", "edit", 3);
        sim.mutate("looks", "add", 2);
        sim.mutate("looks", "trash", 1);
        sim.mutate("dashboards", "delete", 1);
        if (!global.quiet()) {
            ctx.err().printf("%ndemo: meanwhile in Looker, 3 dashboards were edited, 2 looks added, 1 look trashed and"
                    + " 1 dashboard deleted; backing up again (--incremental: only what changed is fetched)%n");
        }
        return edited;
    }

    /** Prints the next steps (or the JSON document) and returns the exit code of the last backup. */
    int finish(int code, List<String> editedDashboards) {
        List<String[]> next = nextSteps(editedDashboards);
        if (global.json()) {
            ObjectNode doc = JsonOutput.object();
            doc.set("runs", runs);
            ArrayNode steps = doc.putArray("next_steps");
            next.forEach(s -> steps.addObject().put("command", s[0]).put("what", s[1]));
            JsonOutput.print(ctx.out(), doc);
        } else if (code == ExitCodes.OK && !global.quiet()) {
            ctx.out().println();
            ctx.out().println("Next, try:");
            int width = next.stream().mapToInt(s -> s[0].length()).max().orElse(0);
            for (String[] s : next) {
                ctx.out().printf("  %-" + width + "s   # %s%n", s[0], s[1]);
            }
        }
        return code;
    }

    private List<String[]> nextSteps(List<String> edited) {
        String lv = launcher(ctx) + " --db " + db;
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {lv + " list dashboards --limit 10", "look around: what the vault holds"});
        out.add(new String[] {lv + " runs", "the backups, with what each one saw"});
        if (edited.isEmpty()) {
            out.add(new String[] {lv + " show dashboards 1 --fields id,title,folder", "one item as Looker returned it"});
        } else {
            out.add(new String[] {lv + " diff", "what changed between the two backups"});
            out.add(new String[] {lv + " history dashboards " + edited.get(0), "every version of one dashboard"});
            out.add(new String[] {lv + " diff dashboards " + edited.get(0), "field by field, its latest change"});
        }
        out.add(new String[] {launcher(ctx) + " tour", "undo a disaster: back up, break, find, restore and prove"});
        return out;
    }

    /** How the user called LookerVault (the launcher tells us), so that printed commands can be pasted. */
    static String launcher(CliContext ctx) {
        String l = ctx.env().get("LOOKERVAULT_LAUNCHER");
        return l == null || l.isBlank() ? "lookervault" : l;
    }
}
