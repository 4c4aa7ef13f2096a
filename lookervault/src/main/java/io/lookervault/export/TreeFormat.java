package io.lookervault.export;

import com.fasterxml.jackson.core.JsonFactory;
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

    private final String extension;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    TreeFormat(String extension, ObjectMapper mapper) {
        this.extension = extension;
        this.mapper = mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        this.writer = extension.equals("json") ? this.mapper.writer(pretty) : this.mapper.writer();
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
            byte[] body = writer.writeValueAsBytes(canonical);
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

    /** Parses a file; a syntax error is thrown with its line and column. */
    public JsonNode read(byte[] bytes) throws IOException {
        return mapper.readTree(bytes);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
