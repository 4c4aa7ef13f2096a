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
 * explores its looks, tiles (each source of a merged tile), dashboard filters and LookML dashboards query, the
 * database connections of those models ({@link PreflightConnections}), and the users its folders, schedules and
 * alerts name ({@link PreflightPeople}). Content on a model the destination lacks comes back as tiles that cannot
 * run, so restore stops before writing unless told to go on; the other rows are warnings. Reads only. Stateless.
 */
public final class Preflight {
    /**
     * One thing the destination lacks and what would break without it.
     *
     * @param kind    {@code model}, {@code explore}, {@code connection}, {@code owner} (of a folder, schedule or
     *                alert) or {@code recipient} (of a schedule or alert)
     * @param name    the model, {@code model::explore}, the connection, or {@code user ID EMAIL}
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
            source.doc("dashboards", id).ifPresent(d -> dashboard("dashboards", d, needs));
        }
        if (o.lookml().mode() != RestoreOptions.Lookml.Mode.SKIP) {
            for (String id : ids(vault, source, o, LookmlDashboardRestorer.TYPE)) {
                source.doc(LookmlDashboardRestorer.TYPE, id).ifPresent(d -> dashboard(LookmlDashboardRestorer.TYPE, d, needs));
            }
        }
        for (String id : ids(vault, source, o, "looks")) {
            source.doc("looks", id).ifPresent(l -> need(needs, l.path("query"), "looks " + id + label(l)));
        }
        Map<String, Set<String>> have = destination(api);
        Map<String, Iterable<String>> scope = new TreeMap<>();
        for (String t : List.of("folders", "scheduled_plans", "alerts")) {
            scope.put(t, ids(vault, source, o, t));
        }
        boolean usersRestored = o.command() == RestoreOptions.Command.BULK && (o.types().isEmpty() || o.types().contains("users"));
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
        // connections the restore itself brings back (issue #11) are not missing
        java.util.Set<String> connectionsRestored = o.command() == RestoreOptions.Command.BULK
                && (o.types().isEmpty() || o.types().contains(ContentType.CONNECTIONS.key()))
                ? new java.util.HashSet<>(source.ids(ContentType.CONNECTIONS.key())) : java.util.Set.of();
        missing.addAll(PreflightConnections.missing(api, needs, have, connectionsRestored));
        missing.addAll(PreflightPeople.missing(api, vault, source, scope, usersRestored));
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

    private static void dashboard(String type, JsonNode d, Map<String, Map<String, List<String>>> needs) {
        String who = type + " " + d.path("id").asText() + label(d);
        if (d.path("model").hasNonNull("id")) {
            // a LookML dashboard belongs to its model even when no tile queries it
            needs.computeIfAbsent(d.path("model").get("id").asText(), k -> new TreeMap<>());
        }
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
        return label(item, "title");
    }

    static String label(JsonNode item, String field) {
        return item.hasNonNull(field) ? " \"" + item.get(field).asText() + "\"" : "";
    }

    static List<String> distinct(List<String> xs) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(xs));
    }
}
