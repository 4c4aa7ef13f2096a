package io.lookervault.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The two file formats of an exported tree. Both write objects with sorted keys, two-space indents, {@code \n}
 * line ends and a final newline, so an unchanged object is byte-identical on the next export. Numbers are read
 * as exact decimals, so a file read and written again keeps every digit. Thread-safe.
 */
public enum TreeFormat {
    JSON("json", new ObjectMapper(new JsonFactory())),
    YAML("yaml", new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build()));

    /**
     * Compact JSON, as the vault stores documents, written straight to UTF-8 bytes: a character outside the
     * basic plane (an emoji) stays one UTF-8 sequence, as when written through a Java string, not a pair of
     * escaped surrogates (Jackson's default for bytes), so the vault's bytes and hashes do not change.
     */
    static final ObjectMapper COMPACT = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    /**
     * The quoted UTF-8 bytes of the field names seen so far, at most {@link #NAMES} of them: a document tree
     * written through {@link JsonGenerator#writeFieldName(String)} copied every name through a {@code char[]}
     * into UTF-8 again (printing was a quarter of an export's CPU); the few hundred names of Looker's types
     * repeat in every file. Names beyond the bound (a map of anything) are written as before.
     */
    private static final int NAMES = 4096;
    private static final java.util.concurrent.ConcurrentHashMap<String, SerializedString> FIELD_NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final String extension;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final DefaultPrettyPrinter pretty;

    TreeFormat(String extension, ObjectMapper mapper) {
        this.extension = extension;
        // numbers as exact decimals, with their trailing zeros: Jackson's default reads 1.50 as 1.5 and 10.0 as
        // 1E+1 (same value, other text), so an imported file's number would not be the file's
        this.mapper = mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        this.writer = extension.equals("json") ? this.mapper.writer(pretty) : this.mapper.writer();
        this.pretty = extension.equals("json") ? pretty : null;
    }

    /** The file name ending, without the dot. */
    public String extension() {
        return extension;
    }

    public static TreeFormat fromExtension(String ext) {
        for (TreeFormat f : values()) {
            if (f.extension.equalsIgnoreCase(ext) || ("yml".equalsIgnoreCase(ext) && f == YAML)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + ext + "'; json or yaml");
    }

    /** The file's bytes of an already canonical (sorted, cleaned) document. */
    public byte[] write(JsonNode canonical) {
        try {
            byte[] body = pretty == null ? writer.writeValueAsBytes(canonical) : pretty(canonical);
            if (body.length > 0 && body[body.length - 1] == '\n') {
                return body;
            }
            byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
            out[body.length] = '\n';
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes {@link #writer} writes for {@code doc} (JSON only), walking the tree here to write field names
     * from {@link #FIELD_NAMES}; byte for byte the same as {@code writer.writeValueAsBytes} (TreeFormatTest).
     */
    private byte[] pretty(JsonNode doc) throws IOException {
        return walk(writer, doc);
    }

    private static final ObjectWriter COMPACT_WRITER = COMPACT.writer();

    /**
     * Compact JSON as {@link #COMPACT} writes it, field names from {@link #FIELD_NAMES}: what import stores in
     * the vault, byte for byte {@code COMPACT.writeValueAsBytes(doc)} (TreeFormatTest; blobs compared).
     */
    static byte[] compact(JsonNode doc) throws IOException {
        return walk(COMPACT_WRITER, doc);
    }

    /** {@code doc} through a generator {@code w} configures (pretty printer, features), as {@code w} would. */
    private static byte[] walk(ObjectWriter w, JsonNode doc) throws IOException {
        BufferRecycler recycler = w.getFactory()._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator g = w.createGenerator(out)) {
                value(g, doc);
            }
            return out.getClearAndRelease();
        } finally {
            recycler.releaseToPool();
        }
    }

    private static void value(JsonGenerator g, JsonNode v) throws IOException {
        switch (v.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(v, v.size());
                for (var it = v.fields(); it.hasNext(); ) {
                    var e = it.next();
                    SerializedString name = FIELD_NAMES.get(e.getKey());
                    if (name == null && FIELD_NAMES.size() < NAMES) {
                        name = FIELD_NAMES.computeIfAbsent(e.getKey(), SerializedString::new);
                    }
                    if (name != null) {
                        g.writeFieldName(name);
                    } else {
                        g.writeFieldName(e.getKey());
                    }
                    value(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(v, v.size());
                for (JsonNode e : v) {
                    value(g, e);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(v.textValue());
            case BOOLEAN -> g.writeBoolean(v.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                switch (v.numberType()) {
                    case INT -> g.writeNumber(v.intValue());
                    case LONG -> g.writeNumber(v.longValue());
                    case BIG_INTEGER -> g.writeNumber(v.bigIntegerValue());
                    case FLOAT -> g.writeNumber(v.floatValue());
                    case DOUBLE -> g.writeNumber(v.doubleValue());
                    default -> g.writeNumber(v.decimalValue());
                }
            }
            default -> g.writeTree(v);
        }
    }

    /** Parses a file; a syntax error is thrown with its line and column. */
    public JsonNode read(byte[] bytes) throws IOException {
        return mapper.readTree(bytes);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
