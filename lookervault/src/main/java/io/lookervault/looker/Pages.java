package io.lookervault.looker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a whole paged list, one page after another, under a {@link PageGuard}. Stateless and thread-safe. */
public final class Pages {
    private Pages() {}

    /** Every row of the list at {@code path}; rows are identified by {@code idField} for the guard. */
    public static List<JsonNode> all(LookerApi api, String path, Map<String, String> query, int limit,
                                     String idField) throws LookerException, InterruptedException {
        PageGuard guard = new PageGuard(path);
        List<JsonNode> out = new ArrayList<>();
        for (long offset = 0; ; offset += limit) {
            Page page = api.page(path, query, offset, limit);
            guard.check(offset, page.items(), idField);
            out.addAll(page.items());
            if (page.isLast(limit)) {
                return out;
            }
        }
    }
}
