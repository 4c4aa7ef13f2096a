package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * An item as the round-trip proof compares it: without what the server assigns (ids, timestamps, counters,
 * links, permissions of the caller) and with references rewritten through a translation function, so that
 * A's item, translated, must equal B's item. Written independently of the restore code on purpose.
 */
final class Canon {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Server-assigned or derived-from-ids fields. */
    private static final Set<String> VOLATILE = Set.of("id", "can", "url", "edit_uri", "content_metadata_id",
            "content_favorite_id", "view_count", "favorite_count", "user_name", "last_updater_id",
            "last_updater_name", "query_id", "result_maker_id", "slug", "client_id", "share_url",
            "expanded_share_url", "dashboard_layout_id", "avatar_url", "avatar_url_without_sizing",
            "personal_folder_id", "credentials_api3", "sessions", "user_url", "logged_in_at", "display_name",
            "alert_count", "image_embed_url", "embed_url", "short_url", "public_url", "excel_file_url",
            "google_spreadsheet_formula", "scheduled_plan_id", "section_order", "item_order", "board_section_id",
            "_lookervault", "usage_count", "looker_recipient", "content_updated_at",
            "content_created_by", "location", "last_viewed_at", "last_accessed_at", "deleter_id", "creator_id",
            "title_text_as_html", "subtitle_text_as_html", "body_text_as_html", "next_run_at", "last_run_at",
            "merge_result_id", "visible_item_order", "user_id_of_creator", "owner_display_name", "dashboard_title",
            "element_title", "users_url", "created_at", "updated_at", "deleted_at", "is_owner_disabled",
            // read-only server state of a user: embed credentials and the versions the user has seen
            "credentials_embed", "looker_versions");
    private static final Pattern TIME = Pattern.compile(".*_at$");
    /** Reference fields and the type their value names. */
    static final Map<String, String> REFS = Map.ofEntries(Map.entry("folder_id", "folders"),
            Map.entry("parent_id", "folders"), Map.entry("home_folder_id", "folders"), Map.entry("user_id", "users"), Map.entry("owner_id", "users"),
            Map.entry("look_id", "looks"), Map.entry("dashboard_id", "dashboards"), Map.entry("board_id", "boards"),
            Map.entry("dashboard_element_id", "dashboard_elements"), Map.entry("group_id", "groups"),
            Map.entry("role_ids", "roles"), Map.entry("group_ids", "groups"));

    private Canon() {}

    /** The canonical form of {@code doc}; {@code translate(type, id)} rewrites references (identity for B). */
    static JsonNode of(JsonNode doc, BiFunction<String, String, String> translate) {
        if (doc.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> keys = new ArrayList<>();
            doc.fieldNames().forEachRemaining(keys::add);
            keys.sort(String::compareTo);
            for (String k : keys) {
                JsonNode v = doc.get(k);
                if (VOLATILE.contains(k) || TIME.matcher(k).matches() && !k.equals("crontab")) {
                    continue;
                }
                if (k.equals("result_maker")) {
                    // ids inside differ between instances; what must survive is the tile's wiring to filters
                    out.set("wiring", of(wiring(v), translate));
                    continue;
                }
                if (k.equals("field") && doc.has("dimension")) {
                    // a dashboard filter's read-only field is derived by the server from its dimension
                    continue;
                }
                String ref = REFS.get(k);
                if (ref != null && v.isTextual()) {
                    out.put(k, translate.apply(ref, v.asText()));
                } else if (ref != null && v.isArray()) {
                    List<String> ids = new ArrayList<>();
                    v.forEach(x -> ids.add(translate.apply(ref, x.asText())));
                    ids.sort(String::compareTo);
                    ArrayNode a = out.putArray(k);
                    ids.forEach(a::add);
                } else {
                    out.set(k, of(v, translate));
                }
            }
            return out;
        }
        if (doc.isArray()) {
            // arrays of objects (elements, filters, layouts, grants) come in id order, which is server-assigned:
            // compared as sets; arrays of values keep their order (fields, sorts: order is meaning)
            List<JsonNode> items = new ArrayList<>();
            doc.forEach(x -> items.add(of(x, translate)));
            if (items.stream().allMatch(JsonNode::isObject)) {
                items.sort(java.util.Comparator.comparing(JsonNode::toString));
            }
            ArrayNode a = JSON.createArrayNode();
            items.forEach(a::add);
            return a;
        }
        return doc;
    }

    /** Per filterable of a result maker: model, view, name and the listens to dashboard filters. */
    private static JsonNode wiring(JsonNode resultMaker) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode f : resultMaker.path("filterables")) {
            ObjectNode w = out.addObject();
            for (String k : List.of("model", "view", "name", "listen")) {
                w.set(k, f.path(k).isMissingNode() ? JSON.nullNode() : f.get(k));
            }
        }
        return out;
    }

    /** Paths whose canonical values differ, first few only (for a readable failure). */
    static List<String> differences(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        diff("", a, b, out);
        return out.size() > 5 ? out.subList(0, 5) : out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b != null && b.isObject()) {
            Set<String> keys = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonNode av = a.path(k);
                JsonNode bv = b.path(k);
                diff(path + "." + k, av, bv, out);
            }
            return;
        }
        if (a.isArray() && b != null && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        String as = a.toString();
        String bs = String.valueOf(b);
        out.add(path + ": " + (as.length() > 200 ? as.substring(0, 200) : as) + " != "
                + (bs.length() > 200 ? bs.substring(0, 200) : bs));
    }
}
