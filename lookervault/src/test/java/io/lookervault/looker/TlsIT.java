package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.config.Secret;
import io.lookervault.resilience.FakeTime;
import io.lookervault.testing.StubLooker;
import io.lookervault.testing.StubLooker.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TLS is verified by default; verify_ssl=false accepts a self-signed Looker. */
class TlsIT {
    /** The connect timeout covers the TLS handshake, the JVM's first one included: slow on a loaded machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final FakeTime time = new FakeTime();

    private LookerClient client(StubLooker stub, boolean verify) {
        return LookerClient.create(LookerSettings.of(stub.baseUrl(), "id", Secret.of("s"), verify,
                TIMEOUT), ResilienceSettings.defaults().withMaxRetries(0), time, time);
    }

    @Test
    void aSelfSignedCertificateIsRejectedByDefault() throws Exception {
        try (StubLooker stub = new StubLooker(true); LookerClient client = client(stub, true)) {
            assertThatThrownBy(client::versions).isInstanceOf(NetworkException.class)
                    .hasMessageContaining("TLS").hasMessageContaining("verify_ssl=false");
            assertThat(stub.seen()).isEmpty();
        }
    }

    @Test
    void verifySslFalseAcceptsIt() throws Exception {
        try (StubLooker stub = new StubLooker(true); LookerClient client = client(stub, false)) {
            stub.on("GET /versions", Reply.json(200, "{\"looker_release_version\":\"26.12.3\"}"));
            assertThat(client.versions().path("looker_release_version").asText()).isEqualTo("26.12.3");
        }
    }

    private LookerClient client(StubLooker stub, java.nio.file.Path caFile) {
        return LookerClient.create(LookerSettings.of(stub.baseUrl(), "id", Secret.of("s"), true,
                TIMEOUT).withCaFile(caFile), ResilienceSettings.defaults().withMaxRetries(0), time, time);
    }

    @Test
    void aPrivateCaInCaFileIsTrustedWithVerificationOn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path pem = dir.resolve("ca.pem");
        StubLooker.writePem("/stub-tls.p12", pem);
        try (StubLooker stub = new StubLooker(true); LookerClient client = client(stub, pem)) {
            stub.on("GET /versions", Reply.json(200, "{\"looker_release_version\":\"26.12.3\"}"));
            assertThat(client.versions().path("looker_release_version").asText()).isEqualTo("26.12.3");
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsStillRejected(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path pem = dir.resolve("ca.pem");
        StubLooker.writePem("/stub-tls-wrong-host.p12", pem);
        try (StubLooker stub = new StubLooker("/stub-tls-wrong-host.p12"); LookerClient client = client(stub, pem)) {
            assertThatThrownBy(client::versions).isInstanceOf(NetworkException.class).hasMessageContaining("TLS");
            assertThat(stub.seen()).isEmpty();
        }
    }
}
