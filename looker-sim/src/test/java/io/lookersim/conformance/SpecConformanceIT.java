package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookersim.conformance.OperationTable.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every operation of tiers A, B and C, read and write, over real HTTP on a generated instance, with every
 * answer validated against Looker.4.0.oas.json (see {@link CheckedApi}). Reads run first on pristine content,
 * then paging headers, fields trimming, search semantics, visibility rules and error shapes, then the write
 * scenarios ({@link WriteScenarios}, {@link MoreWriteScenarios}, {@link RoundTripScenarios}); the last test proves
 * that every operation of the TSV answered with a validated success at least once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpecConformanceIT {
    /** Query strings for reads that need one (required params, or to see everyone's items). */
    private static final Map<String, String> READ_QUERIES = Map.of(
            "all_content_metadatas", "?parent_id={parent_content_metadata_id}",
            "all_content_metadata_accesses", "?content_metadata_id={content_metadata_id}",
            "all_scheduled_plans", "?all_users=true",
            "search_alerts", "?all_owners=true",
            "scheduled_plans_for_look", "?all_users=true",
            "scheduled_plans_for_dashboard", "?all_users=true");

    private static LookerSim sim;
    private static CheckedApi api;
    private static SampleIds ids;

    @BeforeAll
    static void start() throws Exception {
        sim = LookerSim.builder().port(0).scale(300).seed(11).build().start();
        ApiClient client = new ApiClient(sim.baseUrl(), sim.clientId(), sim.clientSecret());
        api = new CheckedApi(client, SpecValidator.shared());
        api.check(client.login(), new int[] {200}, "/login");
        ids = SampleIds.collect(api);
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> everyReadOperationConforms() {
        return OperationTable.rows().stream().filter(Row::isRead).map(row -> DynamicTest.dynamicTest(
                row.tier() + " " + row.operationId(), () -> {
                    String query = READ_QUERIES.getOrDefault(row.operationId(), "");
                    // text/plain answers (a git deploy key) have a body but no JSON
                    String body = api.answer(new int[] {200}, "GET", ids.fill(row.path() + query), null).body();
                    assertThat(body).as(row.operationId() + " body").isNotEmpty();
                }));
    }

    /** Every dashboard and look of the instance in full (the richest bodies), not just one sample. */
    @Order(1)
    @Test
    void everyDashboardAndLookOfTheInstanceConforms() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String kind : List.of("dashboards", "looks")) {
            for (JsonNode item : api.get("/" + kind + "/search?fields=id")) {
                checked++;
                try {
                    api.get("/" + kind + "/" + item.path("id").asText());
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(failures.subList(0, Math.min(10, failures.size())))
                .as(failures.size() + " of " + checked + " dashboards/looks do not conform; the first ones").isEmpty();
    }

    @Order(2)
    @Test
    void pagingHeadersFollowLookerDocs() {
        new PagingChecks(api).run();
    }

    @Order(3)
    @Test
    void fieldsTrimAnswersIncludingNestedGroups() {
        for (JsonNode d : api.get("/dashboards/search?fields=id,title&limit=10")) {
            assertThat(keys(d)).isSubsetOf("id", "title").contains("id");
        }
        for (JsonNode d : api.get("/dashboards/search?fields=id,%20title&limit=3")) {
            assertThat(keys(d)).as("'id, title' with a space, as the SDK's own test sends").isSubsetOf("id", "title");
        }
        JsonNode full = api.get("/dashboards/" + ids.get("dashboard_id")
                + "?fields=id,title,dashboard_elements(id,title,query(id,model))");
        assertThat(keys(full)).isSubsetOf("id", "title", "dashboard_elements").contains("dashboard_elements");
        for (JsonNode e : full.path("dashboard_elements")) {
            assertThat(keys(e)).isSubsetOf("id", "title", "query");
            if (e.path("query").isObject()) {
                assertThat(keys(e.path("query"))).isSubsetOf("id", "model");
            }
        }
        JsonNode look = api.get("/looks/" + ids.get("look_id") + "?fields=id,query(*)");
        assertThat(keys(look)).containsExactlyInAnyOrder("id", "query");
        assertThat(keys(look.path("query"))).contains("model", "view", "id");
    }

    /** NOTES §2, §4: trash only with deleted=true; plans and alerts of others only with all_users / all_owners. */
    @Order(3)
    @Test
    void visibilityRulesForTrashAndOtherUsersItems() {
        String me = api.client().send("GET", "/user?fields=id", null).json().path("id").asText();
        JsonNode mine = api.get("/scheduled_plans");
        JsonNode everyone = api.get("/scheduled_plans?all_users=true");
        assertThat(mine).allMatch(p -> p.path("user_id").asText().equals(me));
        assertThat(everyone.size()).isGreaterThan(mine.size());
        JsonNode myAlerts = api.get("/alerts/search");
        JsonNode allAlerts = api.get("/alerts/search?all_owners=true");
        assertThat(myAlerts).allMatch(a -> a.path("owner_id").asText().equals(me));
        assertThat(allAlerts.size()).isGreaterThan(myAlerts.size());
        JsonNode trash = api.get("/dashboards/search?deleted=true&fields=id,deleted");
        assertThat(trash).as("~2% of dashboards are in the trash").isNotEmpty()
                .allMatch(d -> d.path("deleted").asBoolean());
        List<String> live = PagingChecks.ids(api.get("/dashboards?fields=id"));
        assertThat(live).doesNotContainAnyElementsOf(PagingChecks.ids(trash));
        assertThat(PagingChecks.ids(api.get("/dashboards/search?fields=id"))).doesNotContainAnyElementsOf(
                PagingChecks.ids(trash));
        assertThat(api.get("/looks/search?deleted=true&fields=id,deleted")).allMatch(l -> l.path("deleted").asBoolean());
    }

    @Order(3)
    @Test
    void searchParametersFollowTheSpecProse() {
        new SearchChecks(api).run();
    }

    @Order(4)
    @Test
    void errorsHaveLookerShapes() {
        new ErrorChecks(api, ids).run();
    }

    @Order(5)
    @Test
    void folderWrites() {
        new WriteScenarios(api, ids).folders();
    }

    @Order(5)
    @Test
    void dashboardWrites() {
        new WriteScenarios(api, ids).dashboards();
    }

    @Order(5)
    @Test
    void lookAndQueryWrites() {
        new WriteScenarios(api, ids).looks();
    }

    @Order(5)
    @Test
    void userAndGroupWrites() {
        new WriteScenarios(api, ids).usersAndGroups();
    }

    @Order(5)
    @Test
    void roleAndSetWrites() {
        new WriteScenarios(api, ids).rolesAndSets();
    }

    @Order(5)
    @Test
    void userAttributeWrites() {
        new WriteScenarios(api, ids).userAttributes();
    }

    @Order(5)
    @Test
    void contentAccessWrites() {
        new WriteScenarios(api, ids).contentAccess();
    }

    @Order(5)
    @Test
    void boardWrites() {
        new WriteScenarios(api, ids).boards();
    }

    @Order(5)
    @Test
    void scheduledPlanWrites() {
        new WriteScenarios(api, ids).scheduledPlans();
    }

    @Order(5)
    @Test
    void alertWrites() {
        new WriteScenarios(api, ids).alerts();
    }

    @Order(5)
    @Test
    void lookmlModelWrites() {
        new WriteScenarios(api, ids).lookmlModels();
    }

    @Order(5)
    @Test
    void themeWrites() {
        new WriteScenarios(api, ids).themes();
    }

    @Order(5)
    @Test
    void defaultColorCollectionWrites() {
        new MoreWriteScenarios(api, ids).colorCollections();
    }

    @Order(5)
    @Test
    void hiddenValueDomainWhitelistIsValidated() {
        new MoreWriteScenarios(api, ids).hiddenValueDomainWhitelist();
    }

    @Order(5)
    @Test
    void dashboardRestoredFromItsOwnAnswer() {
        new RoundTripScenarios(api, ids, SpecValidator.shared()).dashboard();
    }

    @Order(5)
    @Test
    void createQueryReturnsTheExistingGeneratedQuery() {
        new RoundTripScenarios(api, ids, SpecValidator.shared()).queryOfTheInstanceIsDeduplicated();
    }

    @Order(5)
    @Test
    void lookRestoredFromItsOwnAnswer() {
        new RoundTripScenarios(api, ids, SpecValidator.shared()).look();
    }

    @Order(5)
    @Test
    void connectionAndSshWrites() {
        new InstanceScenarios(api, ids).connectionsAndSsh();
    }

    @Order(5)
    @Test
    void projectWrites() {
        new InstanceScenarios(api, ids).projects();
    }

    @Order(5)
    @Test
    void authConfigWrites() {
        new InstanceScenarios(api, ids).authConfigs();
    }

    @Order(5)
    @Test
    void settingWrites() {
        new InstanceScenarios(api, ids).settings();
    }

    @Order(5)
    @Test
    void themeColorAndDatagroupWrites() {
        new InstanceScenarios(api, ids).themesColorsDatagroups();
    }

    @Order(5)
    @Test
    void integrationAndOauthAppWrites() {
        new InstanceScenarios(api, ids).integrationsAndOauthApps();
    }

    @Order(6)
    @Test
    void sessionWrites() {
        new WriteScenarios(api, ids).sessions(sim.clientId(), sim.clientSecret());
    }

    @Order(7)
    @Test
    void everyOperationOfTheTableAnsweredWithSuccess() {
        Set<String> expected = OperationTable.rows().stream().map(Row::operationId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(api.coveredWithSuccess());
        Map<String, Set<Integer>> seen = api.coverage();
        List<String> report = missing.stream().map(op -> op + (seen.containsKey(op) ? " (answered only " + seen.get(op)
                + ")" : " (no validated answer: see its own failure, or an earlier step failed)")).collect(Collectors.toList());
        assertThat(report).as("operations of the TSV never answered with a validated 2xx").isEmpty();
    }

    static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
