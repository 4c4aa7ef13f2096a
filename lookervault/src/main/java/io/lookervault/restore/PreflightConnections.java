package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ForbiddenException;
import io.lookervault.looker.LookerClient;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.NotFoundException;
import io.lookervault.looker.ApiPath;
import io.lookervault.looker.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The database connections of the models the content needs, checked at the destination: a model present there whose
 * connection is not answers every tile with a database error. An explore names its connection
 * ({@code connection_name}); a model's {@code allowed_db_connection_names} stand in when it does not. An API user
 * that may not read connections (403) gets no connection rows rather than false ones. Reads only. Stateless.
 */
final class PreflightConnections {
    private PreflightConnections() {}

    /**
     * @param needs model → explore → items that query it, for the models the destination has
     * @param have  model → its explores at the destination
     * @param restored connection names the restore itself creates (from the backup), never missing
     */
    static List<Preflight.Missing> missing(LookerClient api, Map<String, Map<String, List<String>>> needs,
                                           Map<String, Set<String>> have, Set<String> restored)
            throws LookerException, InterruptedException {
        Map<String, List<String>> byConnection = new TreeMap<>();
        for (Map.Entry<String, Map<String, List<String>>> m : needs.entrySet()) {
            if (!have.containsKey(m.getKey())) {
                continue; // the missing model is its own row
            }
            List<String> fallback = null;
            for (Map.Entry<String, List<String>> x : m.getValue().entrySet()) {
                if (!have.get(m.getKey()).contains(x.getKey())) {
                    continue;
                }
                String name = connectionOf(api, m.getKey(), x.getKey());
                List<String> names;
                if (name != null) {
                    names = List.of(name);
                } else {
                    fallback = fallback != null ? fallback : allowed(api, m.getKey());
                    names = fallback;
                }
                names.forEach(n -> byConnection.computeIfAbsent(n, k -> new ArrayList<>()).addAll(x.getValue()));
            }
        }
        List<Preflight.Missing> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> c : byConnection.entrySet()) {
            if (restored.contains(c.getKey())) {
                continue;
            }
            try {
                api.get(ApiPath.of("connections", c.getKey()), Map.of("fields", "name"));
            } catch (NotFoundException e) {
                out.add(new Preflight.Missing("connection", c.getKey(), Preflight.distinct(c.getValue())));
            } catch (ForbiddenException e) {
                return out;
            }
        }
        return out;
    }

    private static String connectionOf(LookerClient api, String model, String explore) throws LookerException, InterruptedException {
        try {
            JsonNode x = api.get(ContentType.LOOKML_MODELS.subPath(model, "explores", explore),
                    Map.of("fields", "connection_name"));
            return x.hasNonNull("connection_name") && !x.get("connection_name").asText().isEmpty()
                    ? x.get("connection_name").asText() : null;
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static List<String> allowed(LookerClient api, String model) throws LookerException, InterruptedException {
        List<String> out = new ArrayList<>();
        try {
            api.get(ContentType.LOOKML_MODELS.getPath(model), Map.of("fields", "allowed_db_connection_names"))
                    .path("allowed_db_connection_names").forEach(n -> out.add(n.asText()));
        } catch (NotFoundException e) {
            // gone since the listing: its row says so
        }
        return out;
    }
}
