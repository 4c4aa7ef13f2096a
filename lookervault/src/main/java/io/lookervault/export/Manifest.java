package io.lookervault.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code lookervault.json} at the root of a tree: where the content came from, what was exported, and each
 * object file's type, id and SHA-256. It holds the run's start time, not the export's, so exporting an unchanged
 * run twice gives identical bytes here too. Immutable.
 *
 * @param folderIds empty when the export was not limited to folders: then every type in {@code types} is whole
 */
public record Manifest(String sourceUrl, long run, String runStartedAt, String tool, TreeFormat format,
                       List<String> types, List<String> folderIds, boolean recursive, List<Entry> files) {
    public static final String FILE = "lookervault.json";
    static final int VERSION = 1;

    public Manifest {
        types = List.copyOf(types);
        folderIds = List.copyOf(folderIds);
        files = List.copyOf(files);
    }

    /** One object file. */
    public record Entry(String path, String type, String id, String sha256) {}

    /** Whether the tree holds every object of {@code type} (so an object missing from it was deleted). */
    public boolean whole(String type) {
        return folderIds.isEmpty() && types.contains(type);
    }

    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        files.forEach(f -> out.merge(f.type(), 1, Integer::sum));
        return out;
    }

    JsonNode toJson() {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("lookervault_export", VERSION).put("source_url", sourceUrl).put("run", run)
                .put("run_started_at", runStartedAt).put("tool", tool).put("format", format.extension());
        ObjectNode scope = m.putObject("scope");
        types.forEach(scope.putArray("types")::add);
        folderIds.forEach(scope.putArray("folder_ids")::add);
        scope.put("recursive", recursive);
        ObjectNode counts = m.putObject("counts");
        counts().forEach(counts::put);
        var arr = m.putArray("files");
        for (Entry e : files) {
            arr.addObject().put("path", e.path()).put("type", e.type()).put("id", e.id()).put("sha256", e.sha256());
        }
        return m;
    }

    static Manifest fromJson(JsonNode m) {
        if (!m.isObject() || !m.path("lookervault_export").isInt()) {
            throw new IllegalArgumentException("not a LookerVault export manifest (no 'lookervault_export' version)");
        }
        if (m.path("lookervault_export").asInt() > VERSION) {
            throw new IllegalArgumentException("written by a newer LookerVault (manifest version "
                    + m.path("lookervault_export").asInt() + "); upgrade LookerVault");
        }
        String url = m.path("source_url").asText("");
        if (url.isBlank()) {
            throw new IllegalArgumentException("field 'source_url' is missing: the import needs to know which Looker"
                    + " the content came from");
        }
        List<Entry> files = new ArrayList<>();
        m.path("files").forEach(f -> files.add(new Entry(f.path("path").asText(), f.path("type").asText(),
                f.path("id").asText(), f.path("sha256").asText())));
        return new Manifest(url, m.path("run").asLong(), m.path("run_started_at").asText(null),
                m.path("tool").asText(""), TreeFormat.fromExtension(m.path("format").asText("json")),
                strings(m.path("scope").path("types")), strings(m.path("scope").path("folder_ids")),
                m.path("scope").path("recursive").asBoolean(), files);
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }
}
