package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.spec.Schemas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListingIT {
    static LookerSim sim;
    static SimClient c;

    @BeforeAll
    static void start() throws Exception {
        sim = LookerSim.builder().scale(400).seed(11).build().start();
        c = SimClient.loggedIn(sim);
    }

    @AfterAll
    static void stop() { sim.close(); }

    private static List<String> ids(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void noLimitReturnsEverythingWithoutPagingHeaders() {
        SimClient.Resp r = c.get("/dashboards/search?fields=id");
        assertThat(r.json().size()).isEqualTo(sim.stats().path("items").path("dashboards").asInt() - 2); // 2 of 120 trashed
        assertThat(r.header("Link")).isNull();
        assertThat(r.header("X-Total-Count")).isNull();
    }

    @Test
    void limitOffsetPagesCoverAllOnceInIdOrder() {
        List<String> all = ids(c.get("/dashboards/search?fields=id").json());
        List<String> paged = new ArrayList<>();
        for (int off = 0; ; off += 25) {
            JsonNode page = c.get("/dashboards/search?fields=id&sorts=id&limit=25&offset=" + off).json();
            paged.addAll(ids(page));
            if (page.size() < 25) break;
        }
        assertThat(paged).isEqualTo(all);
        assertThat(new HashSet<>(paged)).hasSize(paged.size());
    }

    @Test
    void linkAndTotalCountKeepFiltersAndFollowRules() {
        SimClient.Resp r = c.get("/looks/search?title=%25e%25&fields=id&limit=5&offset=5");
        int total = Integer.parseInt(r.header("X-Total-Count"));
        String link = r.header("Link");
        String base = sim.baseUrl() + "/api/4.0/looks/search?title=%25e%25&fields=id&";
        assertThat(link).contains("<" + base + "limit=5&offset=0>; rel=\"first\"")
                .contains("<" + base + "limit=5&offset=10>; rel=\"next\"")
                .contains("<" + base + "limit=5&offset=0>; rel=\"prev\"")
                .contains("<" + base + "limit=5&offset=" + ((total - 1) / 5 * 5) + ">; rel=\"last\"");
    }

    @Test
    void pagePerPageIsHonouredAndLimitOffsetWin() {
        List<String> p2 = ids(c.get("/users?fields=id&page=2&per_page=4").json());
        assertThat(p2).isEqualTo(ids(c.get("/users?fields=id&limit=4&offset=4").json()));
        List<String> both = ids(c.get("/users?fields=id&page=2&per_page=4&limit=3&offset=0").json());
        assertThat(both).containsExactly("1", "2", "3");
    }

    @Test
    void fieldsTrimIncludingNestedGroups() {
        JsonNode d = c.get("/dashboards/1?fields=id,title,dashboard_elements(id,query(model))").json();
        assertThat(d.size()).isEqualTo(3);
        JsonNode e = d.get("dashboard_elements").get(0);
        assertThat(e.size()).isEqualTo(2);
        assertThat(e.get("query").size()).isEqualTo(1);
        assertThat(c.get("/dashboards/1?fields=id,%20title").json().size()).isEqualTo(2);
    }

    @Test
    void sortsDescending() {
        JsonNode a = c.get("/users/search?fields=id,last_name&sorts=last_name%20desc,id").json();
        for (int i = 1; i < a.size(); i++) {
            assertThat(a.get(i - 1).get("last_name").asText().compareToIgnoreCase(a.get(i).get("last_name").asText())).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void filtersWildcardsCommaListsOrAndNull() {
        JsonNode like = c.get("/users/search?fields=id,first_name&first_name=A_a").json();
        like.forEach(u -> assertThat(u.get("first_name").asText()).matches("(?i)a.a"));
        assertThat(like.size()).isPositive();
        assertThat(ids(c.get("/dashboards/search?fields=id&id=3,5,7").json())).containsExactly("3", "5", "7");
        int and = c.get("/dashboards/search?fields=id&id=3&folder_id=1").json().size();
        int or = c.get("/dashboards/search?fields=id&id=3&folder_id=1&filter_or=true").json().size();
        assertThat(or).isGreaterThan(and);
        assertThat(c.get("/folders/search?fields=id&parent_id=IS%20NULL").json().size()).isEqualTo(2);
        assertThat(c.get("/folders/search?fields=id&parent_id=NOT%20NULL").json().size())
                .isEqualTo(c.get("/folders?fields=id").json().size() - 2);
    }

    @Test
    void trashOnlyWithDeletedTrue() {
        Set<String> trash = new HashSet<>(ids(c.get("/dashboards/search?fields=id,deleted&deleted=true").json()));
        assertThat(trash).containsExactlyInAnyOrder("25", "75");
        assertThat(ids(c.get("/dashboards/search?fields=id").json())).doesNotContainAnyElementsOf(trash);
        assertThat(ids(c.get("/dashboards?fields=id").json())).doesNotContainAnyElementsOf(trash);
        assertThat(c.get("/dashboards/25").json().get("deleted").asBoolean()).isTrue();
    }

    @Test
    void plansAndAlertsOnlyOwnUnlessAllUsers() {
        JsonNode own = c.get("/scheduled_plans").json();
        JsonNode all = c.get("/scheduled_plans?all_users=true").json();
        own.forEach(p -> assertThat(p.get("user_id").asText()).isEqualTo("1"));
        assertThat(all.size()).isGreaterThan(own.size());
        JsonNode ownAlerts = c.get("/alerts/search").json();
        ownAlerts.forEach(a -> assertThat(a.get("owner_id").asText()).isEqualTo("1"));
        assertThat(c.get("/alerts/search?all_owners=true").json().size()).isGreaterThan(ownAlerts.size());
    }

    @Test
    void everyPropertyOfTheSchemaIsPresentWithStringIds() {
        JsonNode d = c.get("/dashboards/2").json();
        for (Schemas.Prop p : Schemas.get().schema("Dashboard").props()) assertThat(d.has(p.name())).as(p.name()).isTrue();
        assertThat(d.get("id").isTextual()).isTrue();
        assertThat(d.get("folder_id").isTextual()).isTrue();
        assertThat(d.get("view_count").isNumber()).isTrue();
        assertThat(d.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+00:00");
    }

    @Test
    void idsParamIsCommaJoined() {
        assertThat(ids(c.get("/users?fields=id&ids=2,4,9").json())).containsExactly("2", "4", "9");
        assertThat(ids(c.get("/roles?ids=1,3").json())).containsExactly("1", "3");
    }

    @Test
    void lookmlDashboardsAreListedByAllDashboardsOnlyAndReadOnly() {
        List<String> all = ids(c.get("/dashboards?fields=id").json());
        assertThat(all).contains("thelook::overview");
        assertThat(ids(c.get("/dashboards/search?fields=id").json())).doesNotContain("thelook::overview");
        JsonNode d = c.get("/dashboards/thelook::overview").json();
        assertThat(d.get("readonly").asBoolean()).isTrue();
        assertThat(d.get("model").get("id").asText()).isEqualTo("thelook");
        assertThat(c.get("/dashboards/lookml/thelook::overview").json().get("lookml").asText()).contains("- dashboard: overview");
        assertThat(c.patch("/dashboards/thelook::overview", "{\"title\":\"x\"}").status()).isEqualTo(405);
        assertThat(c.delete("/dashboards/thelook::overview").status()).isEqualTo(405);
    }

    @Test
    void trimmedListingsEqualTrimmedFullRenders() {
        String f = "id,title,user_name,last_updater_name,edit_uri,url,is_owner_disabled,updated_at";
        JsonNode page = c.get("/dashboards/search?limit=5&fields=" + f).json();
        for (JsonNode d : page) {
            JsonNode full = c.get("/dashboards/" + d.get("id").asText()).json();
            for (String name : f.split(",")) assertThat(d.get(name)).as(name).isEqualTo(full.get(name));
        }
    }
}
