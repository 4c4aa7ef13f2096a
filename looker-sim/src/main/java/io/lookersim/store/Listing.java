package io.lookersim.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.api.Fields;
import io.lookersim.json.JsonNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Paging, filtering and sorting of a ItemTable as Looker does it (NOTES §2–3), with Link and X-Total-Count built from the
 * request's own URL. An unfiltered listing in id order locates its page arithmetically (no O(N) scan). Stateless.
 */
public final class Listing {
    private Listing() {}

    /** A listing request: which rows (filter, trash, extra predicate) and how they render. */
    public record Spec(ItemTable table, boolean softDelete, Trash trash, Filter filter, Predicate<ObjectNode> extra,
                       Function<ObjectNode, ObjectNode> render, boolean pageable) {}

    public static ApiResponse list(ApiRequest req, Spec s) {
        Long limit = req.qLong("limit"), offset = req.qLong("offset");
        if (limit == null && s.pageable() && req.q("per_page") != null) {
            limit = req.qLong("per_page");
            Long page = req.qLong("page");
            offset = (page == null || page < 1 ? 0 : page - 1) * limit;
        }
        long off = offset == null || offset < 0 ? 0 : offset;
        String sorts = req.q("sorts");
        boolean fast = s.filter().isEmpty() && s.extra() == null && Sorts.isIdOrder(sorts);
        List<ObjectNode> rows = new ArrayList<>();
        long total = fast ? fastPage(s, off, limit, rows) : scanPage(s, sorts, off, limit, rows);
        ArrayNode out = JsonNodes.arr();
        Fields f = req.fields();
        for (ObjectNode n : rows) {
            ObjectNode r = s.render().apply(n);
            out.add(f == null ? r : f.apply(r));
        }
        ApiResponse resp = ApiResponse.ok(out);
        if (limit != null && s.pageable()) resp = resp.withHeaders(pagingHeaders(req.absoluteUrl(), off, limit, total));
        return resp;
    }

    private static long fastPage(Spec s, long off, Long limit, List<ObjectNode> rows) {
        ItemTable t = s.table();
        long max = t.maxId();
        long total = count(s, max + 1);
        if (off >= total || limit != null && limit <= 0) return total;
        long lo = 1, hi = max; // smallest id p with count(p + 1) > off
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (count(s, mid + 1) > off) hi = mid; else lo = mid + 1;
        }
        long want = limit == null ? Long.MAX_VALUE : limit;
        for (long id = lo; id <= max && rows.size() < want; id++) {
            if (!t.isOverridden(id) && (t.isRemoved(id) || id > t.baseMax() || !s.trash().baseVisible(id, s.softDelete()))) continue;
            ObjectNode n = t.get(id);
            if (s.trash().visible(n, s.softDelete())) rows.add(n);
        }
        return total;
    }

    /** Visible items with id < upTo: arithmetic over the base, corrected by the (small) overlay. */
    private static long count(Spec s, long upTo) {
        ItemTable t = s.table();
        boolean sd = s.softDelete();
        long c = s.trash().countBase(upTo, t.baseMax(), sd);
        for (long id : t.removedIds().headSet(upTo, false)) if (s.trash().baseVisible(id, sd)) c--;
        for (Map.Entry<Long, ObjectNode> e : t.overlay().headMap(upTo, false).entrySet()) {
            long id = e.getKey();
            boolean before = id <= t.baseMax() && s.trash().baseVisible(id, sd);
            boolean now = s.trash().visible(e.getValue(), sd);
            c += (now ? 1 : 0) - (before ? 1 : 0);
        }
        return c;
    }

    private static long scanPage(Spec s, String sorts, long off, Long limit, List<ObjectNode> rows) {
        List<ObjectNode> all = new ArrayList<>();
        ItemTable t = s.table();
        for (long id = 1; id <= t.maxId(); id++) {
            ObjectNode n = t.get(id);
            if (n == null || !s.trash().visible(n, s.softDelete()) || !s.filter().test(n)) continue;
            if (s.extra() != null && !s.extra().test(n)) continue;
            all.add(n);
        }
        if (!Sorts.isIdOrder(sorts)) all.sort(Sorts.comparator(sorts)::compare);
        long end = limit == null ? all.size() : Math.min(all.size(), off + Math.max(0, limit));
        for (long i = off; i < end; i++) rows.add(all.get((int) i));
        return all.size();
    }

    /** Sorts, pages and renders an already collected list (sub-resources, small lists). */
    public static ApiResponse ofList(ApiRequest req, List<ObjectNode> items, Function<ObjectNode, ObjectNode> render,
                                     boolean pageable) {
        String sorts = req.q("sorts");
        List<ObjectNode> all = new ArrayList<>(items);
        if (!Sorts.isIdOrder(sorts)) all.sort(Sorts.comparator(sorts)::compare);
        Long limit = pageable ? req.qLong("limit") : null;
        Long offset = pageable ? req.qLong("offset") : null;
        if (limit == null && pageable && req.q("per_page") != null) {
            limit = req.qLong("per_page");
            Long page = req.qLong("page");
            offset = (page == null || page < 1 ? 0 : page - 1) * limit;
        }
        long off = offset == null || offset < 0 ? 0 : offset;
        long end = limit == null ? all.size() : Math.min(all.size(), off + Math.max(0, limit));
        ArrayNode out = JsonNodes.arr();
        Fields f = req.fields();
        for (long i = off; i < end; i++) {
            ObjectNode r = render.apply(all.get((int) i));
            out.add(f == null ? r : f.apply(r));
        }
        ApiResponse resp = ApiResponse.ok(out);
        if (limit != null) resp = resp.withHeaders(pagingHeaders(req.absoluteUrl(), off, limit, all.size()));
        return resp;
    }

    /**
     * Like ofList for a set of ids: in id order only the requested page is loaded (a folder with 100,000 children
     * costs one page, not 100,000 generated items).
     */
    public static ApiResponse ofIds(ApiRequest req, java.util.NavigableSet<Long> ids, Function<Long, ObjectNode> get,
                                    Function<ObjectNode, ObjectNode> render) {
        if (!Sorts.isIdOrder(req.q("sorts")) || req.q("limit") == null) {
            List<ObjectNode> all = new ArrayList<>();
            for (long id : ids) all.add(get.apply(id));
            return ofList(req, all, render, true);
        }
        long limit = req.qLong("limit"), off = req.qLong("offset") == null ? 0 : Math.max(0, req.qLong("offset"));
        ArrayNode out = JsonNodes.arr();
        Fields f = req.fields();
        long i = 0;
        for (long id : ids) {
            if (i++ < off) continue;
            if (out.size() >= limit) break;
            ObjectNode r = render.apply(get.apply(id));
            out.add(f == null ? r : f.apply(r));
        }
        return ApiResponse.ok(out).withHeaders(pagingHeaders(req.absoluteUrl(), off, limit, ids.size()));
    }

    static Map<String, String> pagingHeaders(String url, long off, long limit, long total) {
        Map<String, String> h = new LinkedHashMap<>();
        List<String> links = new ArrayList<>();
        links.add(link(url, 0, limit, "first"));
        if (limit > 0 && off + limit < total) links.add(link(url, off + limit, limit, "next"));
        if (off > 0) links.add(link(url, Math.max(0, off - limit), limit, "prev"));
        long last = total <= 0 || limit <= 0 ? 0 : ((total - 1) / limit) * limit;
        links.add(link(url, last, limit, "last"));
        h.put("Link", String.join(", ", links));
        h.put("X-Total-Count", Long.toString(total));
        return h;
    }

    private static String link(String url, long off, long limit, String rel) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        StringBuilder b = new StringBuilder(base).append('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                String k = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (k.isEmpty() || k.equals("limit") || k.equals("offset") || k.equals("page") || k.equals("per_page")) continue;
                b.append(pair).append('&');
            }
        }
        b.append("limit=").append(limit).append("&offset=").append(off);
        return "<" + b + ">; rel=\"" + rel + "\"";
    }

    public static JsonNode one(ApiRequest req, ObjectNode rendered) {
        Fields f = req.fields();
        return f == null ? rendered : f.apply(rendered);
    }
}
