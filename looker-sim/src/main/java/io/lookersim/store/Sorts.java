package io.lookersim.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Parses Looker's `sorts` ("title desc, id") into a comparator over items. Stateless. */
public final class Sorts {
    private Sorts() {}

    /** True when the order is the natural id order (the cheap listing path applies). */
    public static boolean isIdOrder(String sorts) {
        if (sorts == null || sorts.isBlank()) return true;
        String s = sorts.trim().toLowerCase();
        return s.equals("id") || s.equals("id asc");
    }

    public static Comparator<JsonNode> comparator(String sorts) {
        Comparator<JsonNode> c = null;
        for (String part : sorts.split(",")) {
            String[] w = part.trim().split("\\s+");
            if (w[0].isEmpty()) continue;
            String field = w[0];
            Comparator<JsonNode> one = (a, b) -> compare(a.get(field), b.get(field));
            if (w.length > 1 && w[1].equalsIgnoreCase("desc")) one = one.reversed();
            c = c == null ? one : c.thenComparing(one);
        }
        Comparator<JsonNode> byId = (a, b) -> compare(a.get("id"), b.get("id"));
        return c == null ? byId : c.thenComparing(byId);
    }

    static int compare(JsonNode a, JsonNode b) {
        boolean an = a == null || a.isNull(), bn = b == null || b.isNull();
        if (an || bn) return an == bn ? 0 : an ? -1 : 1;
        if (a.isNumber() && b.isNumber()) return Double.compare(a.asDouble(), b.asDouble());
        if (a.isBoolean() && b.isBoolean()) return Boolean.compare(a.asBoolean(), b.asBoolean());
        String x = a.asText(), y = b.asText();
        long lx = ItemTable.parseId(x), ly = ItemTable.parseId(y);
        if (lx >= 0 && ly >= 0 && x.length() < 19 && y.length() < 19) return Long.compare(lx, ly);
        int ci = x.compareToIgnoreCase(y);
        return ci != 0 ? ci : x.compareTo(y);
    }
}
