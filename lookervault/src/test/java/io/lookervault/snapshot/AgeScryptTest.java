package io.lookervault.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import io.lookervault.vault.Hashes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scrypt stanza against age's own test vectors (resources/age-testkit), and a round trip. */
class AgeScryptTest {
    private static final byte[] PASSWORD = "password".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyScryptVectorOfTheAgeTestkitGivesTheExpectedOutcome() throws Exception {
        Path dir = Path.of(getClass().getResource("/age-testkit/scrypt").toURI()).getParent();
        List<Path> vectors;
        try (Stream<Path> s = Files.list(dir)) {
            vectors = s.filter(p -> p.getFileName().toString().startsWith("scrypt")).sorted().toList();
        }
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(25);
        int successes = 0;
        for (Path v : vectors) {
            byte[] all = Files.readAllBytes(v);
            int split = indexOf(all, "\n\n".getBytes(StandardCharsets.US_ASCII));
            Map<String, String> meta = new LinkedHashMap<>();
            List<byte[]> passphrases = new ArrayList<>();
            for (String line : new String(all, 0, split, StandardCharsets.UTF_8).split("\n")) {
                String k = line.substring(0, line.indexOf(':'));
                String value = line.substring(line.indexOf(':') + 2);
                meta.put(k, value);
                if (k.equals("passphrase")) {
                    passphrases.add(value.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] file = java.util.Arrays.copyOfRange(all, split + 2, all.length);
            String name = v.getFileName().toString();
            assertThat(passphrases).as(name).isNotEmpty();
            if (meta.get("expect").equals("success")) {
                assertThat(Hashes.sha256(decrypt(file, passphrases.get(0)))).as(name).isEqualTo(meta.get("payload"));
                successes++;
            } else {
                // every passphrase the vector names fails (scrypt_double names one for each of its stanzas)
                for (byte[] p : passphrases) {
                    assertThatThrownBy(() -> decrypt(file, p)).as(name).isInstanceOf(Exception.class);
                }
            }
        }
        assertThat(successes).isPositive();
    }

    @Test
    void whatItEncryptsOpensWithThePassphraseOnlyAndCarriesAFreshSalt() throws Exception {
        byte[] plain = "a pack of documents".getBytes(StandardCharsets.UTF_8);
        byte[] one = encrypt(plain, "correct horse".getBytes(StandardCharsets.UTF_8));
        byte[] two = encrypt(plain, "correct horse".getBytes(StandardCharsets.UTF_8));
        String header = new String(one, 0, 80, StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("age-encryption.org/v1\n-> scrypt ").contains(" 10\n");
        assertThat(new String(two, 0, 60, StandardCharsets.ISO_8859_1)).isNotEqualTo(header.substring(0, 60));
        assertThat(decrypt(one, "correct horse".getBytes(StandardCharsets.UTF_8))).isEqualTo(plain);
        assertThatThrownBy(() -> decrypt(one, "wrong horse".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Exception.class);
    }

    @Test
    void workFactorsOutsideAgesBoundsAreRefused() {
        assertThatThrownBy(() -> AgeScrypt.writer(PASSWORD, 23)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgeScrypt.workFactor("0")).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> AgeScrypt.workFactor("010")).isInstanceOf(Exception.class);
    }

    static byte[] encrypt(byte[] plain, byte[] pass) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel ch = new StandardEncryptingChannelFactory().newEncryptingChannel(
                Channels.newChannel(out), List.of(AgeScrypt.writer(pass, 10)))) {
            ch.write(ByteBuffer.wrap(plain));
        }
        return out.toByteArray();
    }

    static byte[] decrypt(byte[] file, byte[] pass) throws Exception {
        try (ReadableByteChannel ch = new StandardDecryptingChannelFactory().newDecryptingChannel(
                Channels.newChannel(new ByteArrayInputStream(file)), List.of(AgeScrypt.reader(pass)))) {
            return Channels.newInputStream(ch).readAllBytes();
        }
    }

    private static int indexOf(byte[] all, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= all.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (all[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("no blank line");
    }
}
