package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.vault.RunLimits;
import java.util.List;
import java.util.stream.Collectors;

/** How {@code runs show} presents the in-flight limit of each segment of a run. Pure. */
final class RunLimitsView {
    /** Beyond this many points the text shows the first and the last few; JSON always has them all. */
    static final int TEXT_POINTS = 12;

    private RunLimitsView() {}

    /**
     * One line: {@code auto, min/median/max 4/16/16; over time 0s:4 1s:9 2s:16}. The median is weighted by
     * requests (the limit the median request was sent under); 0 means no bound.
     */
    static String describe(RunLimits l) {
        String head = l.mode() + ", min/median/max " + l.min() + "/" + l.median() + "/" + l.max();
        List<RunLimits.Point> t = l.timeline();
        if (t.size() <= 1) {
            return head;
        }
        String over;
        if (t.size() <= TEXT_POINTS) {
            over = points(t);
        } else {
            int half = TEXT_POINTS / 2;
            over = points(t.subList(0, half)) + " ... " + points(t.subList(t.size() - half, t.size()))
                    + " (" + t.size() + " points; all in --output json)";
        }
        return head + "; over time " + over;
    }

    private static String points(List<RunLimits.Point> t) {
        return t.stream().map(p -> p.second() + "s:" + p.limit()).collect(Collectors.joining(" "));
    }

    /** {@code [{"segment":1,"mode":"auto","min":4,"median":16,"max":16,"timeline":[[0,4],[1,9]]}]} */
    static ArrayNode json(List<RunLimits> limits) {
        ArrayNode out = JsonOutput.MAPPER.createArrayNode();
        for (RunLimits l : limits) {
            ObjectNode n = out.addObject().put("segment", l.segment()).put("mode", l.mode()).put("min", l.min())
                    .put("median", l.median()).put("max", l.max());
            ArrayNode t = n.putArray("timeline");
            l.timeline().forEach(p -> t.addArray().add(p.second()).add(p.limit()));
        }
        return out;
    }
}
