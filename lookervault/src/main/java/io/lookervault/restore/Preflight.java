package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerClient;
import io.lookervault.looker.LookerException;
import io.lookervault.vault.Vault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the backed-up content needs at the destination before a restore writes anything: the LookML models and
 * explores its looks, tiles (each source of a merged tile) and dashboard filters query. Content on a model the
 * destination lacks comes back as tiles that cannot run, so restore stops before writing unless told to go on.
 * Reads only. Stateless.
 */
public final class Preflight {
    /**
     * One thing the destination lacks and what would break without it.
     *
     * @param kind    {@code model} or {@code explore}
     * @param name    the model, or {@code model::explore}
     * @param needers items that need it, as {@code type id "title"} (every one)
     */
    public record Missing(String kind, String name, List<String> needers) {
        public Missing {
            needers = List.copyOf(needers);
        }
    }

    /** The check's result: what is missing, and how many models and explores the content needs in all. */
    public record Report(List<Missing> missing, int models, int explores) {
        public Report {
            missing = List.copyOf(missing);
        }

        public boolean modelMissing() {
            return missing.stream().anyMatch(m -> m.kind().equals("model"));
        }
    }

    private Preflight() {}

    /**
     * Checks the dashboards and looks of the restore's run against the destination: of run {@code o.run()} (or
     * the newest as of {@code o.asOf()}), only the restore's types, and for a single restore only its item.
     */
    public static Report check(LookerClient api, Vault vault, RestoreOptions o)
            throws LookerException, InterruptedException {
        BackupSnapshot source = BackupSnapshot.of(vault, o.run(), o.asOf());
        Map<String, Map<String, List<String>>> needs = new TreeMap<>();
        for (String id : ids(vault, source, o, "dashboards")) {
            source.doc("dashboards", id).ifPresent(d -> dashboard(d, needs));
        }
        for (String id : ids(vault, source, o, "looks")) {
            source.doc("looks", id).ifPresent(l -> need(needs, l.path("query"), "looks " + id + label(l)));
        }
        Map<String, Set<String>> have = destination(api);
        List<Missing> missing = new ArrayList<>();
        int explores = 0;
        for (Map.Entry<String, Map<String, List<String>>> m : needs.entrySet()) {
            explores += m.getValue().size();
            Set<String> hasExplores = have.get(m.getKey());
            if (hasExplores == null) {
                List<String> all = new ArrayList<>();
                m.getValue().values().forEach(all::addAll);
                missing.add(new Missing("model", m.getKey(), distinct(all)));
                continue;
            }
            m.getValue().forEach((explore, who) -> {
                if (!hasExplores.contains(explore)) {
                    missing.add(new Missing("explore", m.getKey() + "::" + explore, distinct(who)));
                }
            });
        }
        return new Report(missing, needs.size(), explores);
    }

    private static java.util.Collection<String> ids(Vault vault, BackupSnapshot source, RestoreOptions o, String type) {
        if (!o.types().isEmpty() && !o.types().contains(type)) {
            return List.of();
        }
        if (o.command() == RestoreOptions.Command.SINGLE) {
            return o.ids();
        }
        return vault.snapshot(type, source.runId()).keySet();
    }

    private static void dashboard(JsonNode d, Map<String, Map<String, List<String>>> needs) {
        String who = "dashboards " + d.path("id").asText() + label(d);
        for (JsonNode e : d.path("dashboard_elements")) {
            need(needs, e.path("query"), who);
        }
        // merged tiles' source queries are kept beside the dashboard
        d.path("_lookervault").path("queries").forEach(q -> need(needs, q, who));
        for (JsonNode f : d.path("dashboard_filters")) {
            if (f.hasNonNull("model") && f.hasNonNull("explore")) {
                needs.computeIfAbsent(f.get("model").asText(), k -> new TreeMap<>())
                        .computeIfAbsent(f.get("explore").asText(), k -> new ArrayList<>()).add(who);
            }
        }
    }

    private static void need(Map<String, Map<String, List<String>>> needs, JsonNode q, String who) {
        if (q.hasNonNull("model") && q.hasNonNull("view")) {
            needs.computeIfAbsent(q.get("model").asText(), k -> new TreeMap<>())
                    .computeIfAbsent(q.get("view").asText(), k -> new ArrayList<>()).add(who);
        }
    }

    /** Model name → its explores, at the destination. */
    private static Map<String, Set<String>> destination(LookerClient api) throws LookerException, InterruptedException {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode m : api.get(ContentType.LOOKML_MODELS.listPath(), Map.of("fields", "name,explores"))) {
            Set<String> ex = new HashSet<>();
            m.path("explores").forEach(x -> ex.add(x.path("name").asText()));
            out.put(m.path("name").asText(), ex);
        }
        return out;
    }

    private static String label(JsonNode item) {
        return item.hasNonNull("title") ? " \"" + item.get("title").asText() + "\"" : "";
    }

    private static List<String> distinct(List<String> xs) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(xs));
    }
}
