package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.json.JsonNodes;
import org.junit.jupiter.api.Test;

class WritesIT extends SharedSim {
    private static String folder(String name) {
        return ok(c.post("/folders", "{\"name\":\"" + name + "\",\"parent_id\":\"1\"}")).get("id").asText();
    }

    @Test
    void createDashboardIgnoresReadOnlyFieldsAndMakesTheActiveLayout() {
        JsonNode d = ok(c.post("/dashboards", "{\"title\":\"Ops 🚀\",\"folder_id\":\"" + folder("w1") + "\",\"id\":\"9999\",\"view_count\":5}"));
        assertThat(d.get("id").asText()).isNotEqualTo("9999");
        assertThat(d.get("view_count").asInt()).isZero();
        assertThat(d.get("dashboard_layouts")).hasSize(1);
        assertThat(d.get("dashboard_layouts").get(0).get("active").asBoolean()).isTrue();
    }

    @Test
    void newElementGetsAComponentInTheActiveLayoutAndDeleteCascades() {
        String dash = ok(c.post("/dashboards", "{\"title\":\"Tiles\",\"folder_id\":\"" + folder("w2") + "\"}")).get("id").asText();
        String q = ok(c.post("/queries", "{\"model\":\"thelook\",\"view\":\"users\",\"fields\":[\"users.count\"]}")).get("id").asText();
        String e = ok(c.post("/dashboard_elements", "{\"dashboard_id\":\"" + dash + "\",\"type\":\"vis\",\"query_id\":\"" + q + "\"}")).get("id").asText();
        String f = ok(c.post("/dashboard_filters", "{\"dashboard_id\":\"" + dash + "\",\"name\":\"d\",\"title\":\"Date\",\"type\":\"field_filter\"}")).get("id").asText();
        JsonNode d = ok(c.get("/dashboards/" + dash));
        JsonNode comps = d.get("dashboard_layouts").get(0).get("dashboard_layout_components");
        assertThat(comps).hasSize(1);
        assertThat(comps.get(0).get("dashboard_element_id").asText()).isEqualTo(e);
        assertThat(d.get("dashboard_elements").get(0).get("query").get("id").asText()).isEqualTo(q);
        String layout = d.get("dashboard_layouts").get(0).get("id").asText();
        assertThat(c.delete("/dashboards/" + dash).status()).isEqualTo(204);
        assertThat(c.get("/dashboard_elements/" + e).status()).isEqualTo(404);
        assertThat(c.get("/dashboard_filters/" + f).status()).isEqualTo(404);
        assertThat(c.get("/dashboard_layouts/" + layout).status()).isEqualTo(404);
        assertThat(c.get("/dashboard_layout_components/" + comps.get(0).get("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void queriesAreDeduplicatedAndUnknownModelIsRefused() {
        String body = "{\"model\":\"finance\",\"view\":\"ledger\",\"fields\":[\"ledger.account\"],\"limit\":\"10\"}";
        assertThat(ok(c.post("/queries", body)).get("id")).isEqualTo(ok(c.post("/queries", body)).get("id"));
        SimClient.Resp r = c.post("/queries", "{\"model\":\"nope\",\"view\":\"x\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("model");
    }

    @Test
    void slugConflictIs409AlsoAgainstGeneratedDashboards() {
        String slug = ok(c.get("/dashboards/3")).get("slug").asText();
        assertThat(c.post("/dashboards", "{\"title\":\"Dup\",\"folder_id\":\"1\",\"slug\":\"" + slug + "\"}").status()).isEqualTo(409);
    }

    @Test
    void missingRequiredFieldIs422WithFieldErrors() {
        SimClient.Resp r = c.post("/folders", "{\"parent_id\":\"1\"}");
        assertThat(r.status()).isEqualTo(422);
        JsonNode err = r.json().get("errors").get(0);
        assertThat(err.get("field").asText()).isEqualTo("name");
        assertThat(err.get("code").asText()).isEqualTo("missing");
        assertThat(err.get("documentation_url").asText()).contains("/422/post/folders");
        assertThat(r.json().get("message").asText()).isEqualTo("Validation Failed");
    }

    @Test
    void deletingAFolderDeletesSubfoldersAndContent() {
        String top = folder("w3");
        String sub = ok(c.post("/folders", "{\"name\":\"sub\",\"parent_id\":\"" + top + "\"}")).get("id").asText();
        String d = ok(c.post("/dashboards", "{\"title\":\"deep\",\"folder_id\":\"" + sub + "\"}")).get("id").asText();
        String q = ok(c.post("/queries", "{\"model\":\"thelook\",\"view\":\"users\"}")).get("id").asText();
        String l = ok(c.post("/looks", "{\"title\":\"deep look\",\"folder_id\":\"" + top + "\",\"query_id\":\"" + q + "\"}")).get("id").asText();
        assertThat(c.delete("/folders/" + top).status()).isEqualTo(204);
        assertThat(c.get("/folders/" + sub).status()).isEqualTo(404);
        assertThat(c.get("/dashboards/" + d).status()).isEqualTo(404);
        assertThat(c.get("/looks/" + l).status()).isEqualTo(404);
    }

    @Test
    void builtInsAre405() {
        assertThat(c.patch("/roles/1", "{\"name\":\"x\"}").status()).isEqualTo(405);
        assertThat(c.delete("/permission_sets/1").status()).isEqualTo(405);
        assertThat(c.patch("/model_sets/1", "{\"name\":\"x\"}").status()).isEqualTo(405);
    }

    @Test
    void updateBumpsUpdatedAtAndSoftDeleteMovesToTrash() {
        JsonNode before = ok(c.get("/looks/4"));
        JsonNode after = ok(c.patch("/looks/4", "{\"deleted\":true}"));
        assertThat(after.get("updated_at").asText()).isGreaterThan(before.get("updated_at").asText());
        assertThat(after.get("deleted_at").isNull()).isFalse();
        assertThat(c.get("/looks/search?fields=id&deleted=true&id=4").json()).hasSize(1);
        assertThat(c.get("/looks/search?fields=id&id=4").json()).isEmpty();
    }

    @Test
    void unknownIdIs404AndMembershipsRoundTrip() {
        assertThat(c.get("/dashboards/987654").status()).isEqualTo(404);
        String g = ok(c.post("/groups", "{\"name\":\"Writers\"}")).get("id").asText();
        ok(c.post("/groups/" + g + "/users", "{\"user_id\":\"2\"}"));
        assertThat(ok(c.get("/users/2")).get("group_ids").toString()).contains("\"" + g + "\"");
        ok(c.put("/users/2/roles", "[\"3\"]"));
        assertThat(ok(c.get("/users/2")).get("role_ids").toString()).isEqualTo("[\"3\"]");
    }

    @Test
    void noContentAnswersHaveNoBodyNorContentType() {
        String f = folder("w4");
        SimClient.Resp r = c.delete("/folders/" + f);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Type")).isNull();
    }

    @Test
    void deletingAUserDeletesTheirSchedulesTrashesTheirContentAndLeavesGroups() {
        JsonNode plan = null;
        for (JsonNode p : c.get("/scheduled_plans?all_users=true").json()) if (!p.get("user_id").asText().equals("1")) plan = p;
        String user = plan.get("user_id").asText();
        String personal = ok(c.get("/users/" + user)).get("personal_folder_id").asText();
        String q = ok(c.post("/queries", "{\"model\":\"thelook\",\"view\":\"users\"}")).get("id").asText();
        String look = ok(c.post("/looks", "{\"title\":\"mine\",\"folder_id\":\"" + personal + "\",\"query_id\":\"" + q + "\"}")).get("id").asText();
        String g = ok(c.post("/groups", "{\"name\":\"Leavers\"}")).get("id").asText();
        ok(c.post("/groups/" + g + "/users", "{\"user_id\":\"" + user + "\"}"));
        assertThat(c.delete("/users/" + user).status()).isEqualTo(204);
        assertThat(c.get("/users/" + user).status()).isEqualTo(404);
        assertThat(c.get("/scheduled_plans/" + plan.get("id").asText()).status()).isEqualTo(404);
        assertThat(ok(c.get("/looks/" + look)).get("deleted").asBoolean()).isTrue();
        assertThat(ok(c.get("/groups/" + g)).get("user_count").asInt()).isZero();
    }

    @Test
    void lookmlExportImportsBackOverTheSameSlug() {
        JsonNode lk = ok(c.get("/dashboards/lookml/5"));
        String slug = ok(c.get("/dashboards/5")).get("slug").asText();
        String body = JsonNodes.obj().put("folder_id", "1").put("lookml", lk.get("lookml").asText()).toString();
        JsonNode imported = ok(c.post("/dashboards/lookml", body));
        assertThat(imported.get("id").asText()).isEqualTo("5");
        assertThat(imported.get("slug").asText()).isEqualTo(slug);
        assertThat(imported.get("folder_id").asText()).isEqualTo("1");
    }

    @Test
    void createQueryReturnsTheGeneratedTwinOfALooksQuery() {
        JsonNode q = ok(c.get("/looks/1")).get("query").deepCopy();
        for (String ro : new String[]{"can", "id", "slug", "share_url", "expanded_share_url", "url", "has_table_calculations", "client_id"}) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) q).remove(ro);
        }
        assertThat(ok(c.post("/queries", q.toString())).get("id").asText()).isEqualTo(ok(c.get("/looks/1")).get("query_id").asText());
    }

    @Test
    void boardSectionsAndItemsJoinTheirParentsOrder() {
        String b = ok(c.post("/boards", "{\"title\":\"Board ✨\"}")).get("id").asText();
        String sec = ok(c.post("/board_sections", "{\"board_id\":\"" + b + "\",\"title\":\"S\"}")).get("id").asText();
        String item = ok(c.post("/board_items", "{\"board_section_id\":\"" + sec + "\",\"dashboard_id\":\"1\"}")).get("id").asText();
        JsonNode board = ok(c.get("/boards/" + b));
        assertThat(board.get("section_order").toString()).isEqualTo("[\"" + sec + "\"]");
        JsonNode s0 = board.get("board_sections").get(0);
        assertThat(s0.get("item_order").toString()).isEqualTo("[\"" + item + "\"]");
        assertThat(s0.get("board_items").get(0).get("title").asText()).isEqualTo(ok(c.get("/dashboards/1")).get("title").asText());
    }
}
