package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class WriteFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    void aDashboardBodyKeepsWritableFieldsAndDropsReadOnlyOnesAndAllReadOnlyRefs() throws Exception {
        ObjectNode b = WriteFields.get().body("Dashboard", read("{'id':'7','title':'T','can':{'x':true},"
                + "'model':{'id':'m','label':'l'},'dashboard_elements':[{'id':'1'}],'view_count':3,"
                + "'folder':{'id':'9','name':'F','parent_id':'1','child_count':2},'slug':'abc','user_id':'5'}"));
        assertThat(b).isEqualTo(read("{'title':'T','folder':{'name':'F','parent_id':'1'},'slug':'abc','user_id':'5'}"));
    }

    @Test
    void nestedArraysOfObjectsAreStrippedByTheirOwnSchema() throws Exception {
        ObjectNode b = WriteFields.get().body("ScheduledPlan", read("{'id':'1','name':'n','created_at':'x',"
                + "'scheduled_plan_destination':[{'id':'3','type':'email','address':'a@b','looker_recipient':true}]}"));
        assertThat(b).isEqualTo(read("{'name':'n','scheduled_plan_destination':[{'type':'email','address':'a@b'}]}"));
    }

    @Test
    void freeFormMapsAreKeptWhole() throws Exception {
        ObjectNode b = WriteFields.get().body("Query", read("{'id':'1','model':'m','view':'v','filters':{'a.b':'1'},"
                + "'vis_config':{'type':'table','x':[1,2]},'share_url':'u'}"));
        assertThat(b).isEqualTo(read("{'model':'m','view':'v','filters':{'a.b':'1'},'vis_config':{'type':'table','x':[1,2]}}"));
    }

    @Test
    void diffComparesValuesNotRepresentationsAndOnlyTheBodysKeys() throws Exception {
        ObjectNode body = (ObjectNode) read("{'row':1,'title':'a','appearance':{'x':1}}");
        assertThat(JsonFields.diff(body, read("{'row':'1','title':'a','appearance':{'x':1,'y':2},'id':'9'}"))).isEmpty();
        assertThat(JsonFields.diff(body, read("{'row':2,'title':null,'appearance':{'x':2}}")))
                .containsExactly("row", "title", "appearance");
        assertThat(JsonFields.same(read("null"), null)).isTrue();
        assertThat(JsonFields.same(read("[1,2]"), read("[2,1]"))).isFalse();
    }
}
