package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.LookerClient;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.Pages;
import io.lookervault.vault.Vault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The people the content names, checked at the destination: folders' owners ({@code creator_id}), and the owners and
 * recipients of schedules ({@code user_id}, email destinations) and alerts ({@code owner_id}, email destinations).
 * A user is there when the restore brings the backup's users along, or the destination has a user with the same
 * email (which is how restore maps users), or (on the same Looker) the same id. A recipient address that is no
 * user of the backup is an outside address and needs no one. Without its owner a folder keeps the destination's
 * default owner, a schedule cannot be created for its owner and an alert is owned by the restoring user; a missing
 * recipient's mail goes nowhere a person reads. Reads only. Stateless.
 */
final class PreflightPeople {
    private static final int PAGE = 500;

    private PreflightPeople() {}

    /** Who an item needs: a source user id and what the item needs them as. */
    private record Need(String userId, String kind, String who) {}

    /**
     * @param ids type → the source ids of the items the restore covers
     */
    static List<Preflight.Missing> missing(LookerClient api, Vault vault, BackupSnapshot source, Map<String, Iterable<String>> ids,
                                           boolean usersRestored) throws LookerException, InterruptedException {
        Map<String, String> emails = vault.fieldValues("users", "email", source.runId());
        Map<String, String> byEmail = new TreeMap<>();
        emails.forEach((id, e) -> byEmail.put(e.toLowerCase(Locale.ROOT), id));
        List<Need> needs = new ArrayList<>();
        for (String f : ids.getOrDefault("folders", List.of())) {
            source.doc("folders", f).ifPresent(d -> owner(needs, d, "creator_id", "owner", "folders " + f + Preflight.label(d, "name")));
        }
        for (String p : ids.getOrDefault("scheduled_plans", List.of())) {
            source.doc("scheduled_plans", p).ifPresent(d -> {
                String who = "scheduled_plans " + p + Preflight.label(d, "name");
                owner(needs, d, "user_id", "owner", who);
                recipients(needs, d.path("scheduled_plan_destination"), "address", byEmail, who);
            });
        }
        for (String a : ids.getOrDefault("alerts", List.of())) {
            source.doc("alerts", a).ifPresent(d -> {
                String who = "alerts " + a;
                owner(needs, d, "owner_id", "owner", who);
                recipients(needs, d.path("destinations"), "email_address", byEmail, who);
            });
        }
        if (needs.isEmpty() || usersRestored) {
            return List.of();
        }
        Set<String> destIds = new HashSet<>();
        Set<String> destEmails = new HashSet<>();
        for (JsonNode u : Pages.all(api, io.lookervault.looker.ContentType.USERS.listPath(), Map.of("fields", "id,email", "sorts", "id"), PAGE, "id")) {
            destIds.add(u.path("id").asText());
            if (u.hasNonNull("email")) {
                destEmails.add(u.get("email").asText().toLowerCase(Locale.ROOT));
            }
        }
        boolean same = io.lookervault.config.LookerSettings.sameInstance(api.baseUrl(), source.url());
        Map<String, Map<String, List<String>>> missing = new TreeMap<>(); // kind → user → needers
        for (Need n : needs) {
            String email = emails.get(n.userId());
            boolean there = email != null ? destEmails.contains(email.toLowerCase(Locale.ROOT)) : same && destIds.contains(n.userId());
            if (!there) {
                String name = "user " + n.userId() + (email == null ? " (not in the backup)" : " " + email);
                missing.computeIfAbsent(n.kind(), k -> new TreeMap<>()).computeIfAbsent(name, k -> new ArrayList<>()).add(n.who());
            }
        }
        List<Preflight.Missing> out = new ArrayList<>();
        missing.forEach((kind, users) -> users.forEach((name, who) -> out.add(new Preflight.Missing(kind, name, Preflight.distinct(who)))));
        return out;
    }

    private static void owner(List<Need> needs, JsonNode doc, String field, String kind, String who) {
        if (doc.hasNonNull(field) && !doc.get(field).asText().isEmpty()) {
            needs.add(new Need(doc.get(field).asText(), kind, who));
        }
    }

    private static void recipients(List<Need> needs, JsonNode destinations, String field, Map<String, String> byEmail, String who) {
        for (JsonNode d : destinations) {
            String user = byEmail.get(d.path(field).asText("").toLowerCase(Locale.ROOT));
            if (user != null) {
                needs.add(new Need(user, "recipient", who));
            }
        }
    }
}
