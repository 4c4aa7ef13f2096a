package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What a dry run prints for a singleton's field: never a secret, never a webhook's token. */
class FieldValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void secretsShowOnlyAsSetAndUrlsKeepOnlyTheirHost() throws Exception {
        String shown = FieldValues.show(JSON.readTree(
                "{\"custom_s3_secret\":\"hunter2\",\"alert_url\":\"https://hooks.slack.com/services/T0/B0/XyZ\"}"));
        assertThat(shown).doesNotContain("hunter2").doesNotContain("XyZ")
                .contains("\"custom_s3_secret\":\"(set)\"").contains("https://hooks.slack.com/***");
        assertThat(FieldValues.show(JSON.readTree("{\"n\":[\"https://h.example/a?token=q\"],\"secret\":null}")))
                .isEqualTo("{\"n\":[\"https://h.example/***\"],\"secret\":null}");
        assertThat(FieldValues.show(JSON.readTree("\"Europe/Berlin\""))).isEqualTo("\"Europe/Berlin\"");
        assertThat(FieldValues.show(null)).isEqualTo("(none)");
        assertThat(FieldValues.show(JSON.readTree("\"" + "x".repeat(200) + "\""))).hasSize(80).endsWith("…");
    }
}
