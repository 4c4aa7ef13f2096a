package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
    @Test
    void findsNextEvenWhenUrlsHoldCommas() {
        String h = "<http://h/api/4.0/dashboards/search?fields=id,title&limit=2&offset=0>; rel=\"first\", "
                + "<http://h/api/4.0/dashboards/search?fields=id,title&limit=2&offset=2>; rel=\"next\", "
                + "<http://h/api/4.0/dashboards/search?fields=id,title&limit=2&offset=8>; rel=\"last\"";
        assertThat(LinkHeader.rel(Optional.of(h), "next"))
                .contains("http://h/api/4.0/dashboards/search?fields=id,title&limit=2&offset=2");
        assertThat(LinkHeader.rel(Optional.of(h), "prev")).isEmpty();
        assertThat(LinkHeader.rel(Optional.empty(), "next")).isEmpty();
    }
}
