package io.lookervault.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode j(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    private static List<String> describe(List<FieldChange> changes) {
        return changes.stream().map(c -> c.path() + " " + c.kind() + " " + c.oldValue() + " -> " + c.newValue()).toList();
    }

    @Test
    void equalDocumentsHaveNoChanges() throws Exception {
        assertThat(JsonDiff.diff(j("{'a':1,'b':[1,2],'c':{'d':null}}"), j("{'a':1,'b':[1,2],'c':{'d':null}}"))).isEmpty();
    }

    @Test
    void scalarsKeysAndNestedFieldsGetJsonPaths() throws Exception {
        List<FieldChange> d = JsonDiff.diff(j("{'title':'A','n':1,'gone':true,'o':{'x':1}}"),
                j("{'title':'B','n':1,'o':{'x':2},'new':[1]}"));
        assertThat(describe(d)).containsExactly(
                "$.title CHANGED \"A\" -> \"B\"",
                "$.gone REMOVED true -> null",
                "$.o.x CHANGED 1 -> 2",
                "$.new ADDED null -> [1]");
        assertThat(d.get(2).topField()).isEqualTo("o");
    }

    @Test
    void nullIsAValueNotAnAbsence() throws Exception {
        assertThat(describe(JsonDiff.diff(j("{'a':null}"), j("{'a':0}")))).containsExactly("$.a CHANGED null -> 0");
    }

    @Test
    void arraysOfObjectsWithIdsAreMatchedByIdSoAnInsertionIsOneChange() throws Exception {
        List<FieldChange> d = JsonDiff.diff(j("{'els':[{'id':'1','t':'a'},{'id':'2','t':'b'}]}"),
                j("{'els':[{'id':'9','t':'z'},{'id':'1','t':'a'},{'id':'2','t':'B'}]}"));
        assertThat(describe(d)).containsExactly(
                "$.els[?(@.id=='2')].t CHANGED \"a\" -> \"B\"".replace("\"a\"", "\"b\""),
                "$.els[?(@.id=='9')] ADDED null -> {\"id\":\"9\",\"t\":\"z\"}");
        assertThat(d.get(0).topField()).isEqualTo("els");
    }

    @Test
    void otherArraysAreComparedByPosition() throws Exception {
        assertThat(describe(JsonDiff.diff(j("{'a':[1,2,3]}"), j("{'a':[1,5]}"))))
                .containsExactly("$.a[1] CHANGED 2 -> 5", "$.a[2] REMOVED 3 -> null");
        assertThat(describe(JsonDiff.diff(j("{'a':[{'id':'1'},{'id':'1'}]}"), j("{'a':[{'id':'1'}]}"))))
                .as("duplicate ids fall back to positions").containsExactly("$.a[1] REMOVED {\"id\":\"1\"} -> null");
    }

    @Test
    void oddKeysAreQuotedAndAbsentDocumentsAreOneChange() throws Exception {
        List<FieldChange> d = JsonDiff.diff(j("{'my key':1,'_lookervault':{'user_ids':['1']}}"),
                j("{'my key':2,'_lookervault':{'user_ids':['1','2']}}"));
        assertThat(d).extracting(FieldChange::path).containsExactly("$['my key']", "$._lookervault.user_ids[1]");
        assertThat(d.get(0).topField()).isEqualTo("my key");
        assertThat(JsonDiff.diff(null, j("{'a':1}"))).singleElement()
                .satisfies(c -> assertThat(c.path() + c.kind()).isEqualTo("$ADDED"));
        assertThat(JsonDiff.diff(null, j("{'a':1}")).get(0).topField()).isEqualTo("$");
    }
}
