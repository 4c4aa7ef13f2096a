package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.LookerClient;
import io.lookervault.looker.LookerException;
import io.lookervault.vault.RestoreStore;
import io.lookervault.vault.Vault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looker's own content validator ({@code GET /content_validation}): which looks, dashboard tiles and filters no
 * longer resolve against the LookML (an unknown model, explore or field). A restore whose tiles cannot run is not
 * a restore, so restore runs it afterwards and reports the restored items among the errors. Stateless.
 */
public final class ContentValidator {
    /**
     * One error on one item.
     *
     * @param type    {@code dashboards}, {@code looks}, {@code lookml_dashboards}, {@code scheduled_plans} or {@code alerts}
     * @param part    the tile ({@code tile <title>}) or filter ({@code filter <name>}) of a dashboard, else empty
     */
    public record Problem(String type, String id, String title, String part, String field, String message) {}

    /** The validator's answer: its errors and how much it looked at. */
    public record Result(List<Problem> problems, int looks, int tiles, int filters) {
        public Result {
            problems = List.copyOf(problems);
        }

        /** Only the problems of these items (type → destination ids). */
        public Result only(Map<String, Set<String>> items) {
            List<Problem> kept = problems.stream()
                    .filter(p -> items.getOrDefault(p.type(), Set.of()).contains(p.id())).toList();
            return new Result(kept, looks, tiles, filters);
        }
    }

    private ContentValidator() {}

    public static Result run(LookerClient api) throws LookerException, InterruptedException {
        JsonNode v = api.get("/content_validation", Map.of());
        List<Problem> out = new ArrayList<>();
        for (JsonNode e : v.path("content_with_errors")) {
            for (JsonNode err : e.path("errors")) {
                out.add(problem(e, err));
            }
        }
        return new Result(out, v.path("total_looks_validated").asInt(), v.path("total_dashboard_elements_validated").asInt(),
                v.path("total_dashboard_filters_validated").asInt());
    }

    private static Problem problem(JsonNode e, JsonNode err) {
        String type;
        JsonNode item;
        if (e.path("dashboard").isObject()) {
            type = "dashboards";
            item = e.path("dashboard");
        } else if (e.path("look").isObject()) {
            type = "looks";
            item = e.path("look");
        } else if (e.path("lookml_dashboard").isObject()) {
            type = "lookml_dashboards";
            item = e.path("lookml_dashboard");
        } else if (e.path("scheduled_plan").isObject()) {
            type = "scheduled_plans";
            item = e.path("scheduled_plan");
        } else {
            type = "alerts";
            item = e.path("alert");
        }
        String part = "";
        if (e.path("dashboard_element").isObject()) {
            JsonNode t = e.path("dashboard_element");
            part = "tile " + t.path("title").asText(t.path("title_text").asText(t.path("id").asText()));
        } else if (e.path("dashboard_filter").isObject()) {
            part = "filter " + e.path("dashboard_filter").path("name").asText();
        }
        String title = item.path("title").asText(item.path("name").asText(item.path("custom_title").asText("")));
        return new Problem(type, item.path("id").asText(""), title, part, err.path("field_name").asText(""),
                err.path("message").asText(""));
    }

    /**
     * The destination ids of the backed-up dashboards and looks of run {@code runId} (or the newest finished run
     * as of {@code asOf}): mapped by an earlier or this restore, or the same id when restoring into the same
     * instance. These are the "restored items" whose validator errors a restore reports.
     */
    public static Map<String, Set<String>> restoredItems(Vault vault, RestoreStore store, Long runId, String asOf,
                                                         String destUrl) {
        BackupSnapshot source = BackupSnapshot.of(vault, runId, asOf);
        boolean same = io.lookervault.config.LookerSettings.sameInstance(destUrl, source.url());
        Map<String, Set<String>> out = new java.util.HashMap<>();
        for (String type : List.of("dashboards", "looks")) {
            Set<String> ids = new HashSet<>();
            for (String id : vault.snapshot(type, source.runId()).keySet()) {
                store.destId(source.url(), destUrl, type, id).or(() -> same ? java.util.Optional.of(id)
                        : java.util.Optional.empty()).ifPresent(ids::add);
            }
            out.put(type, ids);
        }
        return out;
    }
}
