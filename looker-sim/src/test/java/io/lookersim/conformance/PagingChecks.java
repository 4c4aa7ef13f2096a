package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.conformance.ApiClient.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Link / X-Total-Count as NOTES §3 and sdk-codegen docs/paging.md say: only with limit (or per_page); absolute
 * URLs built from the request's own URL, keeping its filters; first always, next while more, prev after the first
 * page, last when the total is known; limit/offset beat page/per_page.
 */
final class PagingChecks {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"(\\w+)\"");
    private static final String SEARCH = "/dashboards/search?title=%25e%25&sorts=id&fields=id";
    private final CheckedApi api;

    PagingChecks(CheckedApi api) {
        this.api = api;
    }

    void run() {
        List<String> all = ids(api.get(SEARCH));
        assertThat(all.size()).as("dashboards matching %e%").isGreaterThan(8);
        int limit = Math.max(2, all.size() / 4);
        followNextLinks(all, limit);
        middleAndLastPages(all, limit);
        noHeadersWithoutLimit();
        pagePerPage(all);
        otherListsPage();
    }

    private void followNextLinks(List<String> all, int limit) {
        String firstPath = SEARCH + "&limit=" + limit;
        Answer page = api.answer(new int[] {200}, "GET", firstPath, null);
        Map<String, String> links = links(page);
        assertThat(links).as("first page Link rels").containsKeys("first", "next", "last").doesNotContainKey("prev");
        List<String> seen = new ArrayList<>(ids(page.json()));
        int pages = 1;
        while (links.containsKey("next")) {
            String next = links.get("next");
            checkUrl(next, limit);
            page = api.check(api.client().sendUrl("GET", next, null, "token " + api.client().token()), new int[] {200},
                    pathOf(next));
            assertThat(page.header("X-Total-Count")).isEqualTo(Integer.toString(all.size()));
            seen.addAll(ids(page.json()));
            links = links(page);
            assertThat(links).containsKeys("first", "prev");
            assertThat(++pages).as("pages followed").isLessThanOrEqualTo(all.size() / limit + 2);
        }
        assertThat(seen).as("ids gathered by following rel=next").isEqualTo(all);
    }

    private void middleAndLastPages(List<String> all, int limit) {
        Answer first = api.answer(new int[] {200}, "GET", SEARCH + "&limit=" + limit, null);
        assertThat(first.header("X-Total-Count")).isEqualTo(Integer.toString(all.size()));
        Map<String, String> links = links(first);
        links.values().forEach(u -> checkUrl(u, limit));
        assertThat(offset(links.get("first"))).isZero();
        assertThat(offset(links.get("last"))).isEqualTo((all.size() - 1) / limit * limit);
        Answer middle = api.answer(new int[] {200}, "GET", SEARCH + "&limit=" + limit + "&offset=" + limit, null);
        assertThat(links(middle)).containsKeys("first", "prev", "next", "last");
        assertThat(offset(links(middle).get("prev"))).isZero();
        assertThat(offset(links(middle).get("next"))).isEqualTo(2 * limit);
        int lastOffset = (all.size() - 1) / limit * limit;
        Answer last = api.answer(new int[] {200}, "GET", SEARCH + "&limit=" + limit + "&offset=" + lastOffset, null);
        assertThat(links(last)).containsKeys("first", "prev", "last").doesNotContainKey("next");
        assertThat(ids(last.json())).isEqualTo(all.subList(lastOffset, all.size()));
    }

    private void noHeadersWithoutLimit() {
        for (String path : List.of(SEARCH, "/dashboards?fields=id", "/folders?fields=id")) {
            Answer a = api.answer(new int[] {200}, "GET", path, null);
            assertThat(a.header("Link")).as("Link without limit on " + path).isNull();
        }
    }

    private void pagePerPage(List<String> all) {
        Answer a = api.answer(new int[] {200}, "GET", SEARCH + "&per_page=3&page=2", null);
        assertThat(ids(a.json())).as("page 2 of per_page 3").isEqualTo(all.subList(3, 6));
        links(a).values().forEach(u -> assertThat(u).contains("limit=3").contains("offset="));
        Answer both = api.answer(new int[] {200}, "GET", SEARCH + "&per_page=3&page=2&limit=2&offset=1", null);
        assertThat(ids(both.json())).as("limit/offset win over page/per_page").isEqualTo(all.subList(1, 3));
    }

    private void otherListsPage() {
        for (String path : List.of("/users?fields=id&limit=5", "/looks/search?fields=id&limit=5",
                "/folders/search?fields=id&limit=5", "/groups?fields=id&limit=2")) {
            Answer a = api.answer(new int[] {200}, "GET", path, null);
            assertThat(links(a)).as("Link of " + path).containsKey("first");
            assertThat(a.header("X-Total-Count")).as("X-Total-Count of " + path).isNotNull();
        }
    }

    private void checkUrl(String url, int limit) {
        assertThat(url).as("Link URLs are absolute, from the request's own URL")
                .startsWith(api.client().apiUrl("/dashboards/search?"));
        assertThat(url).as("Link keeps the filters").contains("title=").contains("sorts=id").contains("fields=id")
                .contains("limit=" + limit);
    }

    static Map<String, String> links(Answer a) {
        Map<String, String> out = new LinkedHashMap<>();
        String header = a.header("Link");
        if (header != null) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                out.put(m.group(2), m.group(1));
            }
        }
        return out;
    }

    private static int offset(String url) {
        Matcher m = Pattern.compile("[?&]offset=(\\d+)").matcher(url);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String pathOf(String url) {
        int at = url.indexOf("/api/4.0");
        return url.substring(at + "/api/4.0".length());
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
