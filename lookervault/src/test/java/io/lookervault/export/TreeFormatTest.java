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
    void jsonFilesAreByteForByteWhatJacksonsPrettyPrinterWrites() throws Exception {
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
        }
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
}
