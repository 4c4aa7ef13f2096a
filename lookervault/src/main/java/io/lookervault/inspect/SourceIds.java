package io.lookervault.inspect;

import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.Pages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the ids Looker holds for a type with the cheapest calls it offers: the catalogue's list operation with
 * {@code fields=<id field>}, paged by {@code limit}/{@code offset} on a stable sort. Thread-safe over a
 * thread-safe client.
 */
public final class SourceIds {
    private static final int PAGE = 500;
    private final LookerApi api;

    public SourceIds(LookerApi api) {
        this.api = api;
    }

    /** Every id of {@code type}; with {@code trashed} the ids in Looker's trash instead. */
    public List<String> ids(ContentType type, boolean trashed) throws LookerException, InterruptedException {
        if (type.paging() == ContentType.Paging.FIXED) {
            // singletons always exist (Looker answers their defaults), they are never deleted
            return trashed ? List.of() : type.fixedIds();
        }
        Map<String, String> q = new HashMap<>(type.listQuery());
        q.put("fields", type.idField());
        if (trashed) {
            q.put("deleted", "true");
        }
        List<String> out = new ArrayList<>();
        if (type.paging() == ContentType.Paging.NONE) {
            api.get(type.listPath(), q).forEach(n -> {
                if (type.lists(n)) {
                    out.add(n.path(type.idField()).asText());
                }
            });
            return out;
        }
        // an empty sorts tells the client to send none (the operation takes no sorts parameter)
        q.put("sorts", type.listSort().orElse(""));
        Pages.all(api, type.listPath(), q, PAGE, type.idField()).forEach(n -> out.add(n.path(type.idField()).asText()));
        return out;
    }
}
