package io.lookersim.http;

import io.lookersim.spec.Schemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps METHOD + path under /api/4.0 to a spec operationId and its path parameters. Literal segments win over
 * parameters (/dashboards/search before /dashboards/{id}). Built once from the spec: thread-safe.
 */
public final class Router {
    /** A routing result: the operation, or (op == null) whether the path exists for another method (405). */
    public record Match(Schemas.Op op, Map<String, String> params, boolean pathExists, String template) {}

    private record Route(Schemas.Op op, String[] segs) {}

    private final List<Route> routes = new ArrayList<>();
    /** Routes by "segment count/first segment": a request only scans the few routes that can match. */
    private final Map<String, List<Route>> index = new HashMap<>();

    public Router(List<Schemas.Op> ops) {
        for (Schemas.Op op : ops) routes.add(new Route(op, split(op.path())));
        // The most literal route first, segment by segment, so that /dashboards/search is not read as
        // /dashboards/{dashboard_id} and POST /themes/validate not as a POST to /themes/{theme_id}.
        routes.sort(Router::mostLiteralFirst);
        for (Route r : routes) index.computeIfAbsent(key(r.segs), k -> new ArrayList<>()).add(r);
    }

    private static String key(String[] segs) { return segs.length + "/" + (segs.length == 0 ? "" : segs[0]); }

    /** At the first segment where one route has a literal and the other a parameter, the literal wins. */
    static int mostLiteralFirst(Route a, Route b) {
        for (int i = 0; i < Math.min(a.segs.length, b.segs.length); i++) {
            boolean pa = a.segs[i].startsWith("{"), pb = b.segs[i].startsWith("{");
            if (pa != pb) return pa ? 1 : -1;
        }
        return Integer.compare(a.segs.length, b.segs.length);
    }

    private static String[] split(String p) {
        String t = p.startsWith("/") ? p.substring(1) : p;
        return t.isEmpty() ? new String[0] : t.split("/", -1);
    }

    public Match match(String method, String path) {
        String[] segs = split(path);
        String template = null;
        for (Route r : index.getOrDefault(key(segs), List.of())) {
            Map<String, String> params = bind(r.segs, segs);
            if (params == null) continue;
            if (r.op.method().equals(method)) return new Match(r.op, params, true, r.op.path());
            if (template == null) template = r.op.path();
        }
        return new Match(null, Map.of(), template != null, template);
    }

    private static Map<String, String> bind(String[] tpl, String[] segs) {
        if (tpl.length != segs.length) return null;
        Map<String, String> m = null;
        for (int i = 0; i < tpl.length; i++) {
            if (tpl[i].startsWith("{")) {
                if (segs[i].isEmpty()) return null;
                if (m == null) m = new HashMap<>(2);
                m.put(tpl[i].substring(1, tpl[i].length() - 1), java.net.URLDecoder.decode(segs[i], java.nio.charset.StandardCharsets.UTF_8));
            } else if (!tpl[i].equals(segs[i])) {
                return null;
            }
        }
        return m == null ? Map.of() : m;
    }
}
