package io.lookervault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EmbeddedLooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void depsListTheShownLooksSortedWithTheirUpdatedAt() throws Exception {
        var dashboard = JSON.readTree("""
                {"id":"1","dashboard_elements":[
                  {"id":"a","look_id":"20","look":{"id":"20","updated_at":"2026-01-02"}},
                  {"id":"b","query_id":"7"},
                  {"id":"c","look_id":"3","look":{"id":"3","updated_at":"2026-01-01"}}]}""");
        assertThat(EmbeddedLooks.deps(dashboard)).isEqualTo("20@2026-01-02,3@2026-01-01");
        assertThat(EmbeddedLooks.deps(JSON.readTree("{\"id\":\"2\",\"dashboard_elements\":[]}"))).isEmpty();
    }

    @Test
    void aDashboardShowingLooksWaitsForTheListingThenIsFreshOnlyIfEveryLookIsUnchanged() {
        EmbeddedLooks looks = new EmbeddedLooks(EmbeddedLooks.Source.LISTING);
        var same = new EmbeddedLooks.Waiting("1", "t", "3@a,20@b");
        var edited = new EmbeddedLooks.Waiting("2", "t", "3@a");
        var gone = new EmbeddedLooks.Waiting("3", "t", "99@a");
        assertThat(looks.decideOrWait(new EmbeddedLooks.Waiting("4", "t", ""))).as("shows no look").isTrue();
        assertThat(looks.decideOrWait(new EmbeddedLooks.Waiting("5", "t", null))).as("never recorded").isFalse();
        assertThat(looks.decideOrWait(same)).isNull();
        assertThat(looks.decideOrWait(edited)).isNull();
        assertThat(looks.decideOrWait(gone)).isNull();
        looks.listed("3", "a");
        looks.listed("20", "b");
        looks.listed("3", "c"); // a later row of the same look wins (it was edited between pages)
        looks.listed("3", "a");
        assertThat(looks.listingFinished()).containsExactly(same, edited, gone);
        assertThat(looks.fresh(same.deps())).isTrue();
        looks.listed("3", "z");
        assertThat(looks.fresh(edited.deps())).isFalse();
        assertThat(looks.fresh(gone.deps())).isFalse();
        assertThat(looks.listingFinished()).as("handed out once").isEmpty();
        assertThat(looks.decideOrWait(same)).as("decided at once after the listing").isFalse();
    }

    @Test
    void withoutLooksInTheRunEveryDashboardShowingALookIsFetched() {
        EmbeddedLooks looks = new EmbeddedLooks(EmbeddedLooks.Source.NONE);
        assertThat(looks.decideOrWait(new EmbeddedLooks.Waiting("1", "t", "3@a"))).isFalse();
        assertThat(looks.decideOrWait(new EmbeddedLooks.Waiting("2", "t", ""))).isTrue();
    }
}
