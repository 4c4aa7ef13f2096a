package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API3 keys are metadata in a backup: a key the destination user lacks is reported for re-issue, never "restored". */
class UserApiKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode user(String... clientIds) throws Exception {
        StringBuilder keys = new StringBuilder();
        for (String c : clientIds) {
            keys.append(keys.length() == 0 ? "" : ",").append("{\"id\":\"1\",\"client_id\":\"").append(c)
                    .append("\",\"type\":\"api3\",\"is_disabled\":false}");
        }
        return JSON.readTree("{\"id\":\"7\",\"credentials_api3\":[" + keys + "]}");
    }

    @Test
    void aKeyTheDestinationLacksIsNamedForReissue() throws Exception {
        List<String> notes = new ArrayList<>();
        UserRestorer.apiKeysToReissue(user("AbC", "dEf"), user("dEf"), notes);
        assertThat(notes).singleElement().asString().contains("1 API key(s)").contains("AbC").doesNotContain("dEf");
    }

    @Test
    void aNewUserNeedsAllItsKeysAndAUserWithoutKeysNeedsNothing() throws Exception {
        List<String> notes = new ArrayList<>();
        UserRestorer.apiKeysToReissue(user("AbC"), null, notes);
        assertThat(notes).singleElement().asString().contains("AbC");
        notes.clear();
        UserRestorer.apiKeysToReissue(user(), null, notes);
        UserRestorer.apiKeysToReissue(user("AbC"), user("AbC"), notes);
        assertThat(notes).isEmpty();
    }
}
