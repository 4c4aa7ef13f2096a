package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookervault.testing.SpecFiles;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Holds the content-type catalogue to the official Looker API 4.0 spec. */
class ContentTypeSpecTest {
    private static JsonNode spec;

    @BeforeAll
    static void loadSpec() throws IOException {
        spec = new ObjectMapper().readTree(SpecFiles.lookerSpec().toFile());
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void listOperationMatchesTheSpec(ContentType type) {
        if (type.paging() == ContentType.Paging.FIXED) {
            for (String id : type.fixedIds()) {
                JsonNode get = spec.path("paths").path("/" + id).path("get");
                assertThat(get.isMissingNode()).as("GET /%s in spec", id).isFalse();
                assertThat(schema(get).path("type").asText("object")).as("/%s answers one document", id)
                        .isEqualTo("object");
            }
            return;
        }
        JsonNode op = spec.path("paths").path(type.listPath()).path("get");
        assertThat(op.isMissingNode()).as("GET %s in spec", type.listPath()).isFalse();
        Set<String> params = params(op);
        assertThat(params).as("fixed list params of %s", type).containsAll(type.listQuery().keySet());
        boolean pages = params.contains("limit") && params.contains("offset");
        assertThat(type.paging() == ContentType.Paging.OFFSET_LIMIT).as("paging of %s", type).isEqualTo(pages);
        if (type.paging() == ContentType.Paging.OFFSET_LIMIT) {
            assertThat(type.listSort().isPresent()).as("sorts of %s", type).isEqualTo(params.contains("sorts"));
        }
        if (type.supportsDeleted()) {
            assertThat(params).as("%s lists trashed items", type).contains("deleted");
        }
        if (type.folderScoped()) {
            assertThat(params).as("%s narrows by folder", type).containsAnyOf("folder_id", "parent_id");
        }
        JsonNode items = schema(op);
        assertThat(items.path("type").asText()).as("%s list answers an array", type).isEqualTo("array");
        assertThat(properties(items.path("items"))).as("list items of %s carry the id", type)
                .contains(type.idField());
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void getOperationMatchesTheSpec(ContentType type) {
        if (type.paging() == ContentType.Paging.FIXED) {
            return; // listOperationMatchesTheSpec checks each singleton's GET
        }
        if (noGetOfOne(type)) {
            return;
        }
        String template = type.getPath("{id}").replace("%7Bid%7D", "{id}");
        JsonNode op = findGet(template);
        assertThat(op).as("GET %s in spec", template).isNotNull();
        Set<String> props = properties(schema(op));
        assertThat(props).as("%s items carry %s", type, type.idField()).contains(type.idField());
        // a LookML dashboard answers the Dashboard schema but leaves its updated_at null: its file changes in git
        assertThat(props.contains("updated_at")).as("updated_at of %s", type)
                .isEqualTo(type.hasUpdatedAt() || type == ContentType.LOOKML_DASHBOARDS);
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void aListRowIsStoredAsTheItemOnlyWhereTheListAnswersTheGetSchema(ContentType type) {
        if (type.paging() == ContentType.Paging.FIXED || noGetOfOne(type)) {
            return;
        }
        String template = type.getPath("{id}").replace("%7Bid%7D", "{id}");
        JsonNode list = spec.path("paths").path(type.listPath()).path("get");
        String rowRef = list.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("items").path("$ref").asText();
        String itemRef = findGet(template).path("responses").path("200").path("content").path("application/json")
                .path("schema").path("$ref").asText();
        assertThat(itemRef).as("GET %s answers a named schema", template).isNotEmpty();
        if (type.listCarriesItem()) {
            assertThat(rowRef).as("%s list rows are whole items", type).isEqualTo(itemRef);
        } else if (type == ContentType.LOOKS) {
            // search_looks answers Look; only the GET answers LookWithQuery, with the query a restore needs
            assertThat(rowRef).isNotEqualTo(itemRef);
        }
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void itemsAreCreatedInTheCollectionPath(ContentType type) {
        if (type.paging() == ContentType.Paging.FIXED) {
            for (String id : type.fixedIds()) {
                // singletons are never created, only patched (a default theme or colour collection: put) where they are
                JsonNode at = spec.path("paths").path(type.getPath(id));
                assertThat(at.has("patch") || at.has("put")).as("PATCH or PUT /%s in spec", id).isTrue();
            }
            return;
        }
        JsonNode path = spec.path("paths").path(type.collectionPath());
        if (!type.creatable()) {
            // datagroups come from LookML, integrations from their hub: the API has no create, so restore only patches
            assertThat(path.has("post")).as("no POST %s in spec", type.collectionPath()).isFalse();
            return;
        }
        if (type == ContentType.OAUTH_CLIENT_APPS) {
            // registered under the client_guid the admin chose: POST to the item's own path
            path = spec.path("paths").path("/oauth_client_apps/{client_guid}");
        }
        assertThat(path.has("post")).as("POST %s in spec (restore creates %s there)", type.collectionPath(), type).isTrue();
    }

    @Test
    void subResourcePathsEncodeEverySegment() {
        assertThat(ContentType.USERS.subPath("7", "attribute_values")).isEqualTo("/users/7/attribute_values");
        assertThat(ContentType.GROUPS.subPath("a b", "users", "x/y")).isEqualTo("/groups/a%20b/users/x%2Fy");
        assertThat(ApiPath.of("dashboard_filters", "m::n")).isEqualTo("/dashboard_filters/m%3A%3An");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiPath.of("folders", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysResolveBackAndIdsStayOneSegment() {
        for (ContentType t : ContentType.values()) {
            assertThat(ContentType.fromKey(t.key())).contains(t);
        }
        assertThat(ContentType.LOOKML_MODELS.getPath("model::name")).isEqualTo("/lookml_models/model%3A%3Aname");
        assertThat(ContentType.DASHBOARDS.getPath("a/b c")).isEqualTo("/dashboards/a%2Fb%20c");
    }

    /** External OAuth applications have no GET of one: their list rows are stored whole. */
    private static boolean noGetOfOne(ContentType type) {
        if (type.readableOne()) {
            return false;
        }
        assertThat(findGet(type.getPath("{id}").replace("%7Bid%7D", "{id}"))).as("GET of one %s", type).isNull();
        assertThat(type.listCarriesItem()).isTrue();
        return true;
    }

    private static JsonNode findGet(String template) {
        String wanted = template.replaceAll("\\{[^}]+}", "{}");
        for (Iterator<String> it = spec.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            if (path.replaceAll("\\{[^}]+}", "{}").equals(wanted) && spec.path("paths").path(path).has("get")) {
                return spec.path("paths").path(path).path("get");
            }
        }
        return null;
    }

    private static Set<String> params(JsonNode op) {
        Set<String> out = new HashSet<>();
        op.path("parameters").forEach(p -> out.add(p.path("name").asText()));
        return out;
    }

    private static JsonNode schema(JsonNode op) {
        return resolve(op.path("responses").path("200").path("content").path("application/json").path("schema"));
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> out = new HashSet<>();
        resolve(schema).path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return spec.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
