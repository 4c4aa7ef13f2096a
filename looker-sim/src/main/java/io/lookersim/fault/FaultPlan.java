package io.lookersim.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Programmed faults plus the random fault rate. Examples: {@code add(FaultRule.status("search_dashboards", 429)
 * .retryAfter(2).nth(3).times(1))}, {@code add(FaultRule.status("dashboard", 503).times(2))},
 * {@code add(FaultRule.reset("dashboard").on("dashboard_id", "42"))}. Thread-safe (synchronized).
 */
public final class FaultPlan {
    private static final class Live {
        final FaultRule rule;
        int seen;
        int fired;

        Live(FaultRule rule) { this.rule = rule; }
    }

    private final List<Live> rules = new ArrayList<>();
    private final double rate;
    private final SplittableRandom random;

    public FaultPlan(double rate, long seed) {
        this.rate = rate;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    public synchronized FaultPlan add(FaultRule r) {
        rules.add(new Live(r));
        return this;
    }

    public synchronized void clear() { rules.clear(); }

    public synchronized int size() { return rules.size(); }

    /** The fault to apply to this request, or null. Every matching rule counts the request. */
    public synchronized FaultRule decide(String op, Map<String, String> params) {
        FaultRule chosen = null;
        for (Live l : rules) {
            FaultRule r = l.rule;
            if (!r.operationId().equals(op) && !r.operationId().equals("*")) continue;
            if (r.paramName() != null && !r.paramValue().equals(params.get(r.paramName()))) continue;
            l.seen++;
            if (chosen != null || l.seen < r.nth() || r.times() > 0 && l.fired >= r.times()) continue;
            l.fired++;
            chosen = r;
        }
        if (chosen == null && rate > 0 && !op.equals("login") && random.nextDouble() < rate) chosen = randomFault();
        return chosen;
    }

    private FaultRule randomFault() {
        return switch (random.nextInt(6)) {
            case 0 -> FaultRule.status("*", 500);
            case 1 -> FaultRule.status("*", 502);
            case 2 -> FaultRule.status("*", 503);
            case 3 -> FaultRule.reset("*");
            case 4 -> FaultRule.slow("*", 200 + random.nextInt(800));
            default -> FaultRule.truncate("*");
        };
    }

    /** Parses the JSON form of POST /__sim/faults: {operationId, param:{name:value}, nth, times, action, status, retryAfter, delayMs}. */
    public static FaultRule fromJson(JsonNode j) {
        String op = j.path("operationId").asText(j.path("operation_id").asText("*"));
        String pn = null, pv = null;
        if (j.path("param").isObject() && j.path("param").size() == 1) {
            var e = j.path("param").fields().next();
            pn = e.getKey();
            pv = e.getValue().asText();
        }
        String a = j.path("action").asText(j.has("status") ? "status" : "reset").toUpperCase();
        return new FaultRule(op, pn, pv, j.path("nth").asInt(0), j.path("times").asInt(0), FaultRule.Action.valueOf(a),
                j.path("status").asInt(0), j.path("retryAfter").asInt(j.path("retry_after").asInt(-1)), j.path("delayMs").asInt(j.path("delay_ms").asInt(0)));
    }
}
