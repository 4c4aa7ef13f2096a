package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Search semantics as the spec prose repeats on every search_* (NOTES §2): case-insensitive strings with SQL LIKE
 * wildcards {@code %} and {@code _}, comma lists as OR, {@code filter_or}, {@code IS NULL} / {@code NOT NULL}.
 */
final class SearchChecks {
    private final CheckedApi api;

    SearchChecks(CheckedApi api) {
        this.api = api;
    }

    void run() {
        JsonNode all = api.get("/dashboards/search?fields=id,title,description&sorts=id");
        JsonNode a = null;
        for (JsonNode d : all) {
            // An ASCII start keeps '_' and substring() about one plain character, not half a surrogate pair.
            a = a == null && d.path("title").asText().matches("[A-Za-z]{3}.*") ? d : a;
        }
        assertThat(a).as("a dashboard whose title starts with 3 ASCII letters").isNotNull();
        JsonNode b = all.get(all.size() - 1) == a ? all.get(0) : all.get(all.size() - 1);
        String title = a.path("title").asText();
        assertThat(ids("title=" + enc(title.toUpperCase()))).as("case-insensitive title").contains(id(a));
        assertThat(ids("title=" + enc("_" + title.substring(1)))).as("'_' matches one character").contains(id(a));
        assertThat(ids("title=" + enc(title.substring(0, 2) + "%"))).as("'%' matches the rest").contains(id(a));
        assertThat(ids("id=" + id(a) + "," + id(b))).as("comma list").containsExactlyInAnyOrder(id(a), id(b));
        assertThat(ids("id=" + id(a) + "&title=" + enc(b.path("title").asText()))).as("AND by default")
                .doesNotContain(id(b));
        assertThat(ids("id=" + id(a) + "&title=" + enc(b.path("title").asText()) + "&filter_or=true"))
                .as("filter_or=true").contains(id(a), id(b));
        long nulls = count(all, true);
        assertThat(api.get("/dashboards/search?fields=id,description&description=IS%20NULL"))
                .as("IS NULL").hasSize((int) nulls).allMatch(d -> d.path("description").isNull());
        assertThat(api.get("/dashboards/search?fields=id,description&description=NOT%20NULL"))
                .as("NOT NULL").hasSize(all.size() - (int) nulls).noneMatch(d -> d.path("description").isNull());
    }

    private List<String> ids(String query) {
        return PagingChecks.ids(api.get("/dashboards/search?fields=id&" + query));
    }

    private static long count(JsonNode list, boolean nullDescription) {
        long n = 0;
        for (JsonNode d : list) {
            n += d.path("description").isNull() == nullDescription ? 1 : 0;
        }
        return n;
    }

    private static String id(JsonNode n) {
        return n.path("id").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
