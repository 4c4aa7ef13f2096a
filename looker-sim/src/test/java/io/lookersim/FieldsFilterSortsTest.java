package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.Fields;
import io.lookersim.json.JsonNodes;
import io.lookersim.store.Filter;
import io.lookersim.store.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldsFilterSortsTest {
    private static JsonNode json(String s) throws Exception { return JsonNodes.MAPPER.readTree(s); }

    private static ApiRequest req(Map<String, String> q) {
        return new ApiRequest("GET", "/x", "op", Map.of(), q, null, new byte[0], "http://h/x", "1");
    }

    @Test
    void fieldsKeepNestedGroupsAndStar() throws Exception {
        JsonNode n = json("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"e\":[{\"c\":1,\"x\":2}],\"f\":{\"g\":1}}");
        assertThat(Fields.parse("a, b(c), e(c), f(*)").apply(n).toString()).isEqualTo("{\"a\":1,\"b\":{\"c\":2},\"e\":[{\"c\":1}],\"f\":{\"g\":1}}");
        assertThat(Fields.parse("*").apply(n)).isEqualTo(n);
        assertThat(Fields.parse("")).isNull();
        assertThat(Fields.wants(Fields.parse("id,title"), "dashboard_elements")).isFalse();
        assertThat(Fields.wants(Fields.parse("id,dashboard_elements(id)"), "dashboard_elements")).isTrue();
    }

    @Test
    void filterLikeIsCaseInsensitiveWithWildcards() throws Exception {
        JsonNode item = json("{\"title\":\"Weekly Sales 📈\",\"id\":\"42\",\"folder_id\":null,\"hidden\":false}");
        assertThat(Filter.of(req(Map.of("title", "weekly%")), "title", "title").test(item)).isTrue();
        assertThat(Filter.of(req(Map.of("title", "_eekly sales _")), "title", "title").test(item)).isTrue();
        assertThat(Filter.of(req(Map.of("title", "weekly")), "title", "title").test(item)).isFalse();
        assertThat(Filter.of(req(Map.of("id", "7,42")), "id", "id").test(item)).isTrue();
        assertThat(Filter.of(req(Map.of("folder_id", "IS NULL")), "folder_id", "folder_id").test(item)).isTrue();
        assertThat(Filter.of(req(Map.of("folder_id", "NOT NULL")), "folder_id", "folder_id").test(item)).isFalse();
        assertThat(Filter.of(req(Map.of("hidden", "false")), "hidden", "hidden").test(item)).isTrue();
        assertThat(Filter.of(req(Map.of("title", "x%", "id", "42")), "title", "title", "id", "id").test(item)).isFalse();
        assertThat(Filter.of(req(Map.of("title", "x%", "id", "42", "filter_or", "true")), "title", "title", "id", "id").test(item)).isTrue();
    }

    @Test
    void sortsNumericIdsAndDescending() throws Exception {
        List<JsonNode> l = new ArrayList<>(List.of(json("{\"id\":\"10\",\"t\":\"b\"}"), json("{\"id\":\"9\",\"t\":\"a\"}"),
                json("{\"id\":\"100\",\"t\":\"b\"}")));
        l.sort(Sorts.comparator("id"));
        assertThat(l.stream().map(n -> n.get("id").asText()).toList()).containsExactly("9", "10", "100");
        l.sort(Sorts.comparator("t desc, id desc"));
        assertThat(l.stream().map(n -> n.get("id").asText()).toList()).containsExactly("100", "10", "9");
        assertThat(Sorts.isIdOrder("id asc")).isTrue();
        assertThat(Sorts.isIdOrder("title")).isFalse();
    }
}
