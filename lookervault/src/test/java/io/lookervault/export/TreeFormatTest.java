package io.lookervault.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The file bytes of a document: the JSON writer walks the tree itself, and must write what Jackson writes. */
class TreeFormatTest {
    private static final DefaultPrettyPrinter JACKSON = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    @Test
    void filesAndStoredDocumentsAreByteForByteWhatJacksonWrites() throws Exception {
        JsonNode doc = Canonical.ofStored(("{\"title\":\"Sales \\\"Q1\\\" \u00e9 \ud83d\ude00 \\u0001\",\"id\":\"7\","
                + "\"n\":42,\"big\":12345678901234567890123,\"long\":9876543210,\"neg\":-3,\"dec\":1.5,"
                + "\"exp\":1.0E20,\"zero\":0.0,\"t\":true,\"f\":false,\"none\":null,\"empty\":{},\"list\":[],"
                + "\"nested\":{\"b\":[1,{\"c\":[[]],\"a\":{}},\"x\"],\"a\":null}}").getBytes(StandardCharsets.UTF_8));
        ObjectNode kinds = JsonNodeFactory.instance.objectNode();
        kinds.put("double", 2.25d).put("float", 0.5f).put("bigint", new BigInteger("123456789012345678901"))
                .put("decimal", new BigDecimal("10.50")).put("int", 1).put("long", 5_000_000_000L);
        for (JsonNode d : new JsonNode[] {doc, kinds, JsonNodeFactory.instance.objectNode()}) {
            byte[] expected = TreeFormat.JSON.mapper().writer(JACKSON).writeValueAsBytes(d);
            assertThat(new String(TreeFormat.JSON.write(d), StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8) + "\n");
            // what import stores: the emoji one UTF-8 sequence, as Jackson's compact writer has it
            assertThat(TreeFormat.compact(d)).isEqualTo(TreeFormat.COMPACT.writeValueAsBytes(d));
        }
        assertThat(new String(TreeFormat.compact(doc), StandardCharsets.UTF_8)).contains("\ud83d\ude00")
                .startsWith("{\"big\":12345678901234567890123,\"dec\":1.5,");
        assertThat(new String(TreeFormat.JSON.write(doc), StandardCharsets.UTF_8))
                .startsWith("{\n  \"big\": 12345678901234567890123,\n").contains("\"empty\": { },")
                .contains("\"list\": [ ],").endsWith("}\n");
    }

    @Test
    void manyDistinctFieldNamesAreAllWritten() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < 5000; i++) {
            doc.put("field_" + i, i);
        }
        String text = new String(TreeFormat.JSON.write(doc), StandardCharsets.UTF_8);
        assertThat(text).contains("\"field_0\": 0,").contains("\"field_4999\": 4999\n");
    }

    /**
     * Numbers keep their text through export and import. The vault holds what extract wrote (Jackson's doubles:
     * {@code 10.0}, {@code 1.5}, never {@code 1.50}); Jackson's tree model stripped trailing zeros, so a file
     * showed {@code 1E+1} for {@code 10.0} and an edited {@code 1.50} was imported as {@code 1.5}.
     */
    @Test
    void numbersKeepTheirTrailingZerosFromVaultToFileAndFromFileToVault() throws Exception {
        String stored = "{\"a\":10.0,\"b\":1.5,\"c\":0.25,\"d\":100,\"e\":0.0,\"f\":-2.50}";
        JsonNode exported = Canonical.ofStored(stored.getBytes(StandardCharsets.UTF_8));
        byte[] file = TreeFormat.JSON.write(exported);
        assertThat(new String(file, StandardCharsets.UTF_8)).contains("\"a\": 10.0,").contains("\"e\": 0.0,")
                .contains("\"f\": -2.50\n");
        // the file read back stores the vault's bytes again (what import writes for a changed document)
        JsonNode read = Canonical.inPlace(TreeFormat.JSON.read(file));
        assertThat(new String(ImportPlan.stored(read).json(), StandardCharsets.UTF_8)).isEqualTo(stored);
        // an edited 1.50 is stored as 1.50
        JsonNode edited = Canonical.inPlace(TreeFormat.JSON.read("{\"b\": 1.50}".getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(ImportPlan.stored(edited).json(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":1.50}");
        // same value, other text, is the same document: an unchanged object keeps the vault's bytes and hash
        assertThat(edited).isEqualTo(Canonical.ofStored("{\"b\":1.5}".getBytes(StandardCharsets.UTF_8)));
        assertThat(TreeFormat.JSON.read("{\"a\": 1E+1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Canonical.ofStored("{\"a\":10.0}".getBytes(StandardCharsets.UTF_8)));
        // YAML files too
        JsonNode yaml = TreeFormat.YAML.read("b: 1.50\na: 10.0\n".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(ImportPlan.stored(Canonical.inPlace(yaml)).json(), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":10.0,\"b\":1.50}");
    }
}
