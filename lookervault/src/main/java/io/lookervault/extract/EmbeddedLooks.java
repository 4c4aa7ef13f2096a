package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dashboard's answer embeds each of its looks, but editing a look does not move the dashboard's
 * {@code updated_at}. So a dashboard is stored with its looks' {@code updated_at} ({@link #deps}), and an
 * incremental run counts it unchanged only when those still match this run's looks listing. Dashboards
 * listed before the looks listing has finished wait for it ({@link #decideOrWait}). Thread-safe.
 */
final class EmbeddedLooks {
    /** A dashboard unchanged by its own {@code updated_at}, waiting for the looks listing. */
    record Waiting(String dashboardId, String updatedAt, String deps) {}

    /** Where the current looks come from. */
    enum Source {
        /** This segment lists looks: decisions wait for that listing. */
        LISTING,
        /** Looks are not part of this run: nothing is known, so dashboards that show looks are fetched. */
        NONE
    }

    private final Map<String, String> looks = new ConcurrentHashMap<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private boolean listed;

    EmbeddedLooks(Source source) {
        this.listed = source == Source.NONE;
    }

    /** The {@code deps} of a dashboard document: its looks as sorted {@code id@updated_at}, comma-separated. */
    static String deps(JsonNode dashboard) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode e : dashboard.path("dashboard_elements")) {
            if (e.hasNonNull("look_id")) {
                out.put(e.get("look_id").asText(), e.path("look").path("updated_at").asText(""));
            }
        }
        StringBuilder b = new StringBuilder();
        out.forEach((id, at) -> b.append(b.length() == 0 ? "" : ",").append(id).append('@').append(at));
        return b.toString();
    }

    /** One look as this run lists it (trashed ones too, when listed). */
    void listed(String lookId, String updatedAt) {
        looks.put(lookId, updatedAt == null ? "" : updatedAt);
    }

    /**
     * Whether the dashboard's embedded looks are as stored: {@code true}/{@code false}, or null when the
     * looks listing has not finished yet, in which case the dashboard waits and comes back from
     * {@link #listingFinished()}.
     */
    synchronized Boolean decideOrWait(Waiting w) {
        if (!listed && w.deps() != null && !w.deps().isEmpty()) {
            waiting.add(w);
            return null;
        }
        return fresh(w.deps());
    }

    /** The looks listing is over (complete or not); returns the dashboards that waited for it, once. */
    synchronized List<Waiting> listingFinished() {
        listed = true;
        List<Waiting> out = List.copyOf(waiting);
        waiting.clear();
        return out;
    }

    /** Decides a dashboard that waited: its looks listed now exactly as when it was stored. */
    boolean fresh(String deps) {
        if (deps == null) {
            return false;
        }
        if (deps.isEmpty()) {
            return true;
        }
        for (String pair : deps.split(",")) {
            int at = pair.indexOf('@');
            String now = looks.get(pair.substring(0, at));
            if (now == null || !now.equals(pair.substring(at + 1))) {
                return false;
            }
        }
        return true;
    }
}
