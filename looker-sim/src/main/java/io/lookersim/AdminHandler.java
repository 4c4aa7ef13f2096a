package io.lookersim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.lookersim.fault.FaultPlan;
import io.lookersim.fault.FaultRule;
import io.lookersim.http.SimHandler;
import io.lookersim.json.JsonNodes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** /__sim/ admin surface (no auth): stats, request log, faults, content mutation, secrets received. Thread-safe. */
final class AdminHandler implements HttpHandler {
    private final LookerSim sim;

    AdminHandler(LookerSim sim) { this.sim = sim; }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String m = ex.getRequestMethod().toUpperCase();
        byte[] body = ex.getRequestBody().readAllBytes();
        try {
            switch (m + " " + path) {
                case "GET /__sim/stats" -> send(ex, 200, sim.stats());
                case "GET /__sim/requests" -> send(ex, 200, log(ex));
                case "POST /__sim/faults" -> {
                    FaultRule r = FaultPlan.fromJson(JsonNodes.parse(body));
                    sim.faults().add(r);
                    send(ex, 200, JsonNodes.MAPPER.valueToTree(r));
                }
                case "DELETE /__sim/faults" -> {
                    sim.faults().clear();
                    send(ex, 204, null);
                }
                case "POST /__sim/mutate" -> send(ex, 200, mutate(JsonNodes.parse(body)));
                case "GET /__sim/secrets_received" -> send(ex, 200, JsonNodes.MAPPER.valueToTree(sim.secretsReceived()));
                default -> send(ex, 404, JsonNodes.obj().put("message", "Not found"));
            }
        } catch (IllegalArgumentException | IOException e) {
            send(ex, 400, JsonNodes.obj().put("message", String.valueOf(e.getMessage())));
        }
    }

    private JsonNode log(HttpExchange ex) {
        Map<String, String> q = SimHandler.parseQuery(ex.getRequestURI().getRawQuery());
        long since = q.containsKey("since") ? Long.parseLong(q.get("since")) : 0;
        return JsonNodes.MAPPER.valueToTree(sim.requestLog(since));
    }

    private JsonNode mutate(JsonNode j) {
        String type = j.path("type").asText();
        String action = j.path("action").asText();
        List<String> ids = new ArrayList<>();
        j.path("ids").forEach(x -> ids.add(x.asText()));
        List<String> done = ids.isEmpty() ? sim.mutate(type, action, j.path("count").asInt(1)) : sim.mutate(type, action, ids);
        ObjectNode out = JsonNodes.obj().put("type", type).put("action", action);
        ArrayNode a = out.putArray("ids");
        done.forEach(a::add);
        return out;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        byte[] b = JsonNodes.bytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }
}
