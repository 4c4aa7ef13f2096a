package io.lookervault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vault's bytes (and so every stored hash) must be exactly what Jackson's ObjectMapper writes: DocBytes only
 * writes them cheaper. Awkward documents here; ExtractIT holds a whole simulated instance to the same rule.
 */
class DocBytesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DOCS = List.of(
            "{}", "[]", "null", "\"x\"", "12", "-0.0", "1.0E300", "3.14159", "12345678901234567890123",
            "0.1000000000000000055511151231257827", "{\"a\":[],\"b\":{},\"c\":null,\"d\":[null,[[]],{\"e\":{}}]}",
            "{\"quote\\\"d\":\"tab\\t nl\\n cr\\r \\u0001 \\u001f \\u007f \\\\ / </script>\",\"é\":\"ünïcödé ✓\","
                    + "\"😀 emoji key\":\"😀 \\ud83d\\ude00\",\"\\u2028\":\"\\u2028\\u2029\",\"中文\":\"日本語\"}",
            "{\"a/b <c> & 'd'\":1,\"~!@#$%^*()_+=-`{}[]|:;?,.\":2,\"a\\\\b\":3,\"del\u007f\":4,\"q\\\"\":5}",
            "{\"id\":\"7\",\"n\":1,\"l\":9007199254740993,\"d\":2.5e-8,\"t\":true,\"f\":false,\"big\":-1e400}",
            "{\"dashboard_elements\":[{\"id\":\"1\",\"query\":{\"fields\":[\"a.b\"],\"vis_config\":{\"series 1\":"
                    + "{\"color\":\"#fff\"}}}},{\"id\":\"2\",\"query\":null}]}",
            "{\"secret_parameters\":{\"k\":\"s3cr3t\"},\"password\":null,\"x\":{\"client_secret\":\"abc\","
                    + "\"certificate\":null,\"deep\":[{\"secret\":\"v\",\"keep\":1},{\"secret\":{}}]},"
                    + "\"password_reset_url\":\"https://reset/abc\",\"account_setup_url\":[]}");

    @Test
    void writesWhatObjectMapperWrites() throws Exception {
        for (String d : DOCS) {
            JsonNode n = JSON.readTree(d);
            assertThat(new String(DocBytes.of(n), StandardCharsets.UTF_8)).as(d)
                    .isEqualTo(new String(JSON.writeValueAsBytes(n), StandardCharsets.UTF_8));
            assertThat(DocBytes.of(n)).as(d).isEqualTo(JSON.writeValueAsBytes(n));
        }
    }

    @Test
    void storedBytesAreThoseOfTheStrippedDocumentAndLeaveTheDocumentAlone() throws Exception {
        for (String d : DOCS) {
            JsonNode n = JSON.readTree(d);
            JsonNode before = n.deepCopy();
            byte[] stored = DocBytes.stored(n);
            assertThat(n).as("unchanged: " + d).isEqualTo(before);
            assertThat(stored).as(d).isEqualTo(JSON.writeValueAsBytes(Secrets.strip(n.deepCopy())));
        }
        String s = new String(DocBytes.stored(JSON.readTree(DOCS.get(DOCS.size() - 1))), StandardCharsets.UTF_8);
        assertThat(s).doesNotContain("s3cr3t").doesNotContain("abc").doesNotContain("reset")
                .contains("\"password\":null").contains("\"certificate\":null").contains("\"keep\":1")
                .doesNotContain("account_setup_url"); // an empty list is a value too: strip drops it as well
    }

    @Test
    void manyDistinctNamesStillWriteExactly() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < 20_000; i++) {
            o.put("series_" + i + (i % 2 == 0 ? "_ñ" : ""), i);
        }
        assertThat(DocBytes.of(o)).isEqualTo(JSON.writeValueAsBytes(o));
        assertThat(DocBytes.of(o)).isEqualTo(JSON.writeValueAsBytes(o));
    }
}
