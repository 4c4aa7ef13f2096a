package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageGuardTest {
    private static List<JsonNode> page(int from, int n) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(JsonNodeFactory.instance.objectNode().put("id", i));
        }
        return out;
    }

    @Test
    void distinctPagesPassAndARepeatedPageStopsTheListing() throws Exception {
        PageGuard g = new PageGuard("/looks/search");
        g.check(0, page(1, 3), "id");
        g.check(3, page(4, 3), "id");
        g.check(6, List.of(), "id");
        g.check(6, List.of(), "id");
        assertThatThrownBy(() -> g.check(9, page(4, 3), "id")).isInstanceOf(ListingException.class)
                .hasMessageContaining("GET /looks/search").hasMessageContaining("offset 9")
                .hasMessageContaining("repeats an earlier page");
    }

    @Test
    void aListThatNeverEndsIsCutAtTheCap() throws Exception {
        PageGuard g = new PageGuard("/users", 10);
        g.check(0, page(1, 5), "id");
        g.check(5, page(6, 5), "id");
        assertThatThrownBy(() -> g.check(10, page(11, 5), "id")).isInstanceOf(ListingException.class)
                .hasMessageContaining("past 10 items");
        assertThatCode(() -> new PageGuard("/users", 10).check(0, page(1, 10), "id")).doesNotThrowAnyException();
    }
}
