package io.lookersim.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.api.ApiRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Looker's search filter semantics: AND (or OR with filter_or=true) of per-field conditions; strings match
 * case-insensitively with SQL LIKE wildcards; comma lists OR'ed; IS NULL / NOT NULL. Immutable: thread-safe.
 */
public final class Filter {
    private record Cond(String field, String raw, List<Pattern> likes, int nullMode) {}

    private final List<Cond> conds;
    private final boolean or;

    private Filter(List<Cond> conds, boolean or) {
        this.conds = conds;
        this.or = or;
    }

    /** params: request parameter name → item field name pairs, e.g. "folder_id","folder_id". */
    public static Filter of(ApiRequest req, String... params) {
        List<Cond> c = new ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            String v = req.q(params[i]);
            if (v != null) c.add(cond(params[i + 1], v));
        }
        return new Filter(c, req.qBool("filter_or"));
    }

    public boolean isEmpty() { return conds.isEmpty(); }

    /** True for items where any of the fields matches the LIKE pattern (case-insensitive, % and _ wildcards). */
    public static java.util.function.Predicate<JsonNode> anyLike(String pattern, String... fields) {
        Pattern p = like(pattern == null ? "" : pattern);
        return item -> {
            for (String f : fields) {
                JsonNode v = item.get(f);
                if (v != null && !v.isNull() && p.matcher(v.asText()).matches()) return true;
            }
            return false;
        };
    }

    private static Cond cond(String field, String v) {
        String t = v.trim();
        if (t.equalsIgnoreCase("IS NULL")) return new Cond(field, v, List.of(), 1);
        if (t.equalsIgnoreCase("NOT NULL")) return new Cond(field, v, List.of(), 2);
        List<Pattern> ps = new ArrayList<>();
        // Comma lists are an OR of values for ids and numbers; for free text a comma is part of the value.
        boolean list = field.equals("id") || field.endsWith("_id") || field.endsWith("_count");
        for (String part : list ? t.split(",") : new String[]{v}) ps.add(like(part.trim()));
        return new Cond(field, v, ps, 0);
    }

    static Pattern like(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '%') b.append(".*");
            else if (c == '_') b.append('.');
            else b.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    public boolean test(JsonNode item) {
        if (conds.isEmpty()) return true;
        for (Cond c : conds) {
            boolean m = matches(c, item.get(c.field()));
            if (or && m) return true;
            if (!or && !m) return false;
        }
        return !or;
    }

    private static boolean matches(Cond c, JsonNode v) {
        boolean isNull = v == null || v.isNull();
        if (c.nullMode() == 1) return isNull;
        if (c.nullMode() == 2) return !isNull;
        if (isNull) return false;
        if (v.isBoolean()) return v.asText().equals(c.raw().trim().toLowerCase(Locale.ROOT));
        String s = v.isValueNode() ? v.asText() : v.toString();
        for (Pattern p : c.likes()) if (p.matcher(s).matches()) return true;
        return false;
    }
}
