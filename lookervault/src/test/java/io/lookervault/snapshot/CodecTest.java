package io.lookervault.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecTest {
    private static final byte[] DOC = "{\"id\":\"1\",\"title\":\"Revenue\"}".repeat(200).getBytes(StandardCharsets.UTF_8);

    @Test
    void plainObjectsAreZstdFramesThatRoundTrip() {
        Codec c = new Codec(Optional.empty());
        byte[] sealed = c.seal(DOC);
        assertThat(sealed.length).isLessThan(DOC.length / 5);
        assertThat(c.open(sealed, "x")).isEqualTo(DOC);
    }

    @Test
    void encryptedObjectsAreAgeFilesOnlyTheirKeyOpens() {
        AgeKey key = AgeKey.generate();
        assertThat(key.recipient()).startsWith("age1");
        Codec c = new Codec(Optional.of(key));
        byte[] sealed = c.seal(DOC);
        assertThat(new String(sealed, 0, 21, StandardCharsets.US_ASCII)).isEqualTo("age-encryption.org/v1");
        assertThat(c.open(sealed, "x")).isEqualTo(DOC);
        Codec other = new Codec(Optional.of(AgeKey.generate()));
        assertThatThrownBy(() -> other.open(sealed, "pack p")).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("pack p cannot be decrypted");
        sealed[sealed.length - 3] ^= 1;
        assertThatThrownBy(() -> c.open(sealed, "pack p")).hasMessageContaining("altered");
    }

    @Test
    void anIdentityParsesBackToTheSameRecipient() {
        AgeKey k = AgeKey.generate();
        assertThat(AgeKey.parse(k.identity()).recipient()).isEqualTo(k.recipient());
        assertThatThrownBy(() -> AgeKey.parse("hunter2")).hasMessageContaining("not an age identity");
    }

    @Test
    void aSampleIsSpreadAndNeverEmpty() {
        var packs = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "p" + i).toList();
        assertThat(StoreVerifier.sample(packs, 10)).hasSize(10).contains("p0", "p90");
        assertThat(StoreVerifier.sample(packs.subList(0, 3), 1)).containsExactly("p0");
        assertThat(StoreVerifier.sample(packs, 100)).isEqualTo(packs);
    }
}
