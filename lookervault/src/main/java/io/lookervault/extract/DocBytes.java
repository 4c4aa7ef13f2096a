package io.lookervault.extract;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compact UTF-8 JSON of a document, byte for byte what {@code new ObjectMapper().writeValueAsBytes(doc)}
 * writes (the vault's stored bytes and their SHA-256 must not change: a changed hash would make every item look
 * edited on the next incremental run), only cheaper: field names, which repeat in every document, are encoded
 * and escaped once and then copied ({@link SerializedString}; plain ASCII names only), and {@link #stored} leaves out the secret fields
 * while it writes instead of walking the tree once more to remove them. Values are written by Jackson's own node
 * serialisers. {@code DocBytesTest} holds the bytes to Jackson's on awkward documents and ExtractIT on a whole
 * simulated instance. Thread-safe.
 */
final class DocBytes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SerializerProvider PROVIDER = JSON.getSerializerProviderInstance();
    /** Names seen so far; bounded, since some objects (merge queries by id, chart series) are keyed by data. */
    private static final int MAX_NAMES = 8192;
    private static final Map<String, SerializedString> NAMES = new ConcurrentHashMap<>();

    private DocBytes() {}

    /** The document's compact JSON, as Jackson writes it. */
    static byte[] of(JsonNode doc) {
        return write(doc, false);
    }

    /**
     * The document's compact JSON without the {@link Secrets#FIELDS} that hold a value, at any depth: the bytes
     * of {@code Secrets.strip(doc)} without changing {@code doc}.
     */
    static byte[] stored(JsonNode doc) {
        return write(doc, true);
    }

    private static byte[] write(JsonNode doc, boolean stripSecrets) {
        // as ObjectMapper.writeValueAsBytes does it: a pooled buffer, the mapper's generator settings
        BufferRecycler br = JSON.getFactory()._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(br)) {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                value(doc, g, stripSecrets);
            }
            return out.getClearAndRelease();
        } catch (IOException e) {
            throw new UncheckedIOException("a parsed document always serialises", e);
        } finally {
            br.releaseToPool();
        }
    }

    private static void value(JsonNode n, JsonGenerator g, boolean stripSecrets) throws IOException {
        if (n.isObject()) {
            g.writeStartObject(n);
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                JsonNode v = e.getValue();
                if (stripSecrets && !v.isNull() && Secrets.FIELDS.contains(e.getKey())) {
                    continue;
                }
                name(e.getKey(), g);
                value(v, g, stripSecrets);
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray(n, n.size());
            for (JsonNode v : n) {
                value(v, g, stripSecrets);
            }
            g.writeEndArray();
        } else {
            // numbers, strings, booleans and null exactly as Jackson's node serialisers write them
            ((com.fasterxml.jackson.databind.JsonSerializable) n).serialize(g, PROVIDER);
        }
    }

    /** Writes a field name: from the cache when it is plain ASCII, else as Jackson writes it. */
    private static void name(String name, JsonGenerator g) throws IOException {
        SerializedString s = NAMES.get(name);
        if (s != null) {
            g.writeFieldName(s);
        } else if (plain(name)) {
            s = new SerializedString(name);
            if (NAMES.size() < MAX_NAMES) {
                NAMES.putIfAbsent(name, s);
            }
            g.writeFieldName(s);
        } else {
            // beyond printable ASCII the two ways differ (Jackson escapes a surrogate pair in a name, a
            // SerializedString encodes it as UTF-8): such a name goes through Jackson's usual path
            g.writeFieldName(name);
        }
    }

    /** Printable ASCII without quote or backslash: its JSON is its own bytes between quotes either way. */
    private static boolean plain(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
