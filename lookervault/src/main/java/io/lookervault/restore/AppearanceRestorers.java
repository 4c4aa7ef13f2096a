package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a Looker looks and refreshes (issue #11): themes by name, custom colour collections by label, which of them
 * are the defaults, and datagroup triggers. Standard colour collections are built into every Looker under the same
 * ids, so they are referenced, never written. Stateless.
 */
final class AppearanceRestorers {
    private AppearanceRestorers() {}

    /** Themes by name; a theme's colour collection translated (a standard one keeps its id). */
    static TypeRestorer themes() {
        return new InstanceRestorers.Keyed(ContentType.THEMES, "Theme") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                return search(ctx, "/themes/search", "name", JsonFields.text(doc, "name"));
            }

            @Override
            ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
                ObjectNode b = writable(doc, ctx);
                if (b.get("settings") instanceof ObjectNode s && !s.path("color_collection_id").asText("").isEmpty()) {
                    String want = s.get("color_collection_id").asText();
                    String dest = collection(want, ctx);
                    if (dest == null) {
                        s.remove("color_collection_id");
                        notes.add("color_collection_id " + want + ": colour collection not at the destination; left unset");
                    } else {
                        s.put("color_collection_id", dest);
                    }
                }
                return b;
            }
        };
    }

    /**
     * Custom colour collections by label. Palette ids are Looker's own (it numbers them per collection), so they
     * are neither sent nor compared.
     */
    static TypeRestorer colorCollections() {
        return new InstanceRestorers.Keyed(ContentType.COLOR_COLLECTIONS, "ColorCollection") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                return exact(ctx.dest.get(contentType.listPath(), Map.of()), "label", JsonFields.text(doc, "label"));
            }
        };
    }

    /**
     * Datagroups by model and name. They come from LookML (the project brings them), so a missing one is reported,
     * not created; only the trigger fields the API writes ({@code stale_before}, {@code triggered_at}) are set.
     */
    static TypeRestorer datagroups() {
        return new InstanceRestorers.Keyed(ContentType.DATAGROUPS, "Datagroup") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                for (JsonNode d : ctx.dest.get(contentType.listPath(), Map.of())) {
                    if (JsonFields.same(doc.path("model_name"), d.path("model_name"))
                            && JsonFields.same(doc.path("name"), d.path("name"))) {
                        return d;
                    }
                }
                return null;
            }
        };
    }

    /** The destination id of a colour collection a theme or the default names: mapped, else a standard one as is. */
    static String collection(String sourceId, RestoreContext ctx) throws LookerException, InterruptedException {
        String mapped = ctx.ids.ref(ContentType.COLOR_COLLECTIONS.key(), sourceId);
        if (mapped != null) {
            return mapped;
        }
        return ctx.dest.getOrNull(ContentType.COLOR_COLLECTIONS.getPath(sourceId)) != null ? sourceId : null;
    }

    /**
     * The instance's default theme (by name) and default colour collection (by id, translated): each set by a PUT
     * when it differs, once the themes and collections exist.
     */
    static TypeRestorer defaults() {
        return new TypeRestorer() {
            @Override
            public String type() {
                return ContentType.DEFAULTS.key();
            }

            @Override
            public ContentType source() {
                return ContentType.DEFAULTS;
            }

            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) {
                return null; // never referenced
            }

            @Override
            public Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx)
                    throws LookerException, InterruptedException {
                List<String> notes = new ArrayList<>();
                String path = ContentType.DEFAULTS.getPath(sourceId);
                JsonNode have = ctx.dest.get(path, Map.of());
                String want;
                String current;
                Map<String, String> put;
                if (sourceId.startsWith("themes/")) {
                    want = JsonFields.text(doc, "name");
                    current = JsonFields.text(have, "name");
                    boolean there = want != null && BaseRestorer.search(ctx, "/themes/search", "name", want) != null;
                    put = there ? Map.of("name", want) : null;
                } else {
                    want = collection(JsonFields.text(doc, "id"), ctx);
                    current = JsonFields.text(have, "id");
                    put = want == null ? null : Map.of("collection_id", want);
                }
                if (want != null && want.equals(current)) {
                    return new Outcome(type(), sourceId, sourceId, Outcome.Action.UNCHANGED, List.of(), notes);
                }
                if (put == null) {
                    notes.add("the default (" + label(doc) + ") is not at the destination; default left as it is");
                    return new Outcome(type(), sourceId, null, Outcome.Action.SKIPPED, List.of(), notes);
                }
                notes.add(sourceId + ": " + current + " -> " + want);
                if (!ctx.dryRun) {
                    ctx.dest.put(path, put, null);
                }
                return new Outcome(type(), sourceId, sourceId, Outcome.Action.UPDATE,
                        List.of(sourceId.startsWith("themes/") ? "name" : "id"), notes);
            }
        };
    }

    private static String label(JsonNode doc) {
        String l = JsonFields.text(doc, "name");
        return l != null ? l : JsonFields.text(doc, "label");
    }
}
