package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aUrlKeepsOnlyItsSchemeAndHost() {
        assertThat(Redaction.maskUrl("https://hooks.slack.com/services/T0/B0/tok")).isEqualTo("https://hooks.slack.com/***");
        assertThat(Redaction.maskUrl("https://h.example.com:8443/x?key=tok")).isEqualTo("https://h.example.com:8443/***");
        assertThat(Redaction.maskUrl("sftp://user:pw@files.example.com")).isEqualTo("sftp://files.example.com/***");
        assertThat(Redaction.maskUrl("https://example.com/")).as("nothing secret to hide").isEqualTo("https://example.com/");
        assertThat(Redaction.maskUrl("team@example.com")).as("an e-mail address").isEqualTo("team@example.com");
        assertThat(Redaction.maskUrl("https://bad host/tok")).as("unreadable: masked whole").isEqualTo("***");
    }

    @Test
    void addressesAreMaskedAtAnyDepthAndTheOriginalIsUntouched() throws Exception {
        JsonNode doc = JSON.readTree("{\"name\":\"p\",\"scheduled_plan_destination\":[{\"type\":\"webhook\","
                + "\"address\":\"https://hooks.example.com/abc/tok\"},{\"type\":\"email\",\"address\":\"a@b.c\"}]}");
        JsonNode masked = Redaction.mask(doc);
        assertThat(masked.toString()).doesNotContain("tok").contains("https://hooks.example.com/***").contains("a@b.c");
        assertThat(doc.toString()).contains("abc/tok");
    }

    @Test
    void aRequestLineWithItsBodyIsMasked() {
        String line = "POST /scheduled_plans {\"address\":\"https://hooks.example.com/abc/tok\",\"name\":\"x\"}";
        assertThat(Redaction.maskText(line)).isEqualTo(
                "POST /scheduled_plans {\"address\":\"https://hooks.example.com/***\",\"name\":\"x\"}");
        assertThat(Redaction.maskText(null)).isNull();
    }
}
