package io.lookervault.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private AppConfig load(Map<String, String> env, Map<String, String> flags) {
        return ConfigLoader.load(ConfigSources.discover(dir, Optional.empty(), env, flags));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static SettingValue provenance(AppConfig c, String name) {
        return c.provenance().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        AppConfig c = load(Map.of(), Map.of());
        assertThat(c.looker().baseUrl()).isEmpty();
        assertThat(c.looker().verifySsl()).isTrue();
        assertThat(c.looker().timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.extract().workers()).isEqualTo(8);
        assertThat(c.extract().batchSize()).isEqualTo(100);
        assertThat(c.resilience().maxRetries()).isEqualTo(5);
        assertThat(c.db()).isEqualTo(dir.resolve("looker.db"));
        assertThat(provenance(c, "workers").source()).isEqualTo(SettingOrigin.DEFAULT);
        assertThat(provenance(c, "client_secret").display()).isEqualTo("unset");
    }

    @Test
    void eachLayerOverridesTheOneBelow() throws IOException {
        write("looker.ini", "[Looker]\nbase_url=https://ini.example.com:19999\nclient_id=ini-id\n"
                + "client_secret=\"ini-secret\"\ntimeout=30\nverify_ssl=false\napi_version=4.0\n");
        write("lookervault.toml", "[looker]\nbase_url = \"https://toml.example.com\"\n[extract]\nworkers = 4\n"
                + "batch_size = 50\n[resilience]\nmax_retries = 2\n");
        Map<String, String> env = Map.of("LOOKERSDK_BASE_URL", "https://env.example.com/", "LOOKERVAULT_WORKERS",
                "6", "LOOKERVAULT_DB", "env.db");
        AppConfig c = load(env, Map.of("workers", "3"));

        assertThat(c.looker().baseUrl()).contains("https://env.example.com");
        assertThat(c.looker().clientId()).contains("ini-id");
        assertThat(c.looker().clientSecret().orElseThrow().reveal()).isEqualTo("ini-secret");
        assertThat(c.looker().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.looker().verifySsl()).isFalse();
        assertThat(c.extract().workers()).isEqualTo(3);
        assertThat(c.extract().batchSize()).isEqualTo(50);
        assertThat(c.resilience().maxRetries()).isEqualTo(2);
        assertThat(c.db()).isEqualTo(dir.resolve("env.db"));

        assertThat(provenance(c, "base_url").source()).isEqualTo(SettingOrigin.ENV);
        assertThat(provenance(c, "base_url").origin()).isEqualTo("LOOKERSDK_BASE_URL");
        assertThat(provenance(c, "client_id").source()).isEqualTo(SettingOrigin.LOOKER_INI);
        assertThat(provenance(c, "batch_size").source()).isEqualTo(SettingOrigin.TOML);
        assertThat(provenance(c, "workers").source()).isEqualTo(SettingOrigin.FLAG);
        assertThat(provenance(c, "client_secret").display()).isEqualTo("set");
    }

    @Test
    void configFlagPicksTheFileKindByExtension() throws IOException {
        Path ini = dir.resolve("prod.ini");
        Files.writeString(ini, "[Other]\nbase_url=https://wrong.example.com\n[looker]\nbase_url: https://prod.example.com\n");
        AppConfig c = ConfigLoader.load(ConfigSources.discover(dir, Optional.of(Path.of("prod.ini")), Map.of(),
                Map.of()));
        assertThat(c.looker().baseUrl()).contains("https://prod.example.com");
        assertThat(provenance(c, "base_url").origin()).endsWith("prod.ini");

        assertThatThrownBy(() -> ConfigSources.discover(dir, Optional.of(Path.of("nope.toml")), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
        write("settings.yaml", "");
        assertThatThrownBy(() -> ConfigSources.discover(dir, Optional.of(Path.of("settings.yaml")), Map.of(),
                Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(".ini").hasMessageContaining(".toml");
    }

    @Test
    void baseUrlLosesTrailingSlashAndApiSuffix() {
        AppConfig c = load(Map.of("LOOKERSDK_BASE_URL", "https://acme.cloud.looker.com/api/4.0/"), Map.of());
        assertThat(c.looker().baseUrl()).contains("https://acme.cloud.looker.com");
    }

    @Test
    void invalidValuesNameTheSettingAndItsSource() {
        assertThatThrownBy(() -> load(Map.of("LOOKERSDK_TIMEOUT", "soon"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("timeout").hasMessageContaining("'soon'")
                .hasMessageContaining("environment (LOOKERSDK_TIMEOUT)")
                .satisfies(e -> assertThat(((ConfigException) e).setting()).isEqualTo("timeout"));
        assertThatThrownBy(() -> load(Map.of(), Map.of("workers", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("workers")
                .hasMessageContaining("command line").hasMessageContaining("1 to 50");
        assertThatThrownBy(() -> load(Map.of(), Map.of("workers", "51"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> load(Map.of("LOOKERSDK_VERIFY_SSL", "maybe"), Map.of()))
                .hasMessageContaining("verify_ssl").hasMessageContaining("true or false");
        assertThatThrownBy(() -> load(Map.of("LOOKERSDK_BASE_URL", "acme.looker.com"), Map.of()))
                .hasMessageContaining("base_url").hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> load(Map.of("LOOKERVAULT_RATE_LIMIT_PER_SECOND", "-1"), Map.of()))
                .hasMessageContaining("rate_limit_per_second");
    }

    @Test
    void invalidFileValuesNameTheFile() throws IOException {
        write("lookervault.toml", "[extract]\nworkers = 99\n");
        assertThatThrownBy(() -> load(Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lookervault.toml")
                .hasMessageContaining("workers '99'");
    }

    @Test
    void unknownTomlKeyIsRejectedSoTyposDoNotPassSilently() throws IOException {
        write("lookervault.toml", "[extract]\nworker = 4\n");
        assertThatThrownBy(() -> load(Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting 'extract.worker'");
    }

    @Test
    void brokenTomlIsAConfigError() throws IOException {
        write("lookervault.toml", "workers = = 4\n");
        assertThatThrownBy(() -> load(Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
    }

    @Test
    void timeoutAcceptsUnits() {
        assertThat(load(Map.of("LOOKERSDK_TIMEOUT", "500ms"), Map.of()).looker().timeout())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(load(Map.of("LOOKERSDK_TIMEOUT", "2m"), Map.of()).looker().timeout())
                .isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> load(Map.of("LOOKERSDK_TIMEOUT", "0"), Map.of()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void secretIsRefusedFromFlagsAndNeverPrinted() {
        assertThatThrownBy(() -> load(Map.of(), Map.of("client_secret", "s3cr3t-value")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOOKERSDK_CLIENT_SECRET")
                .hasMessageNotContaining("s3cr3t-value");
        AppConfig c = load(Map.of("LOOKERSDK_CLIENT_SECRET", "s3cr3t-value"), Map.of());
        assertThat(c.toString()).doesNotContain("s3cr3t-value");
        assertThat(c.looker().clientSecret().orElseThrow().toString()).isEqualTo("****");
    }

    @Test
    void nullFlagsMeanNotGivenAndBlankEnvIsIgnored() {
        Map<String, String> flags = new HashMap<>();
        flags.put("workers", null);
        AppConfig c = load(Map.of("LOOKERVAULT_WORKERS", "  "), flags);
        assertThat(c.extract().workers()).isEqualTo(8);
    }

    @Test
    void missingCredentialsSayHowToProvideThem() {
        LookerSettings s = load(Map.of("LOOKERSDK_BASE_URL", "https://x.example.com"), Map.of()).looker();
        assertThatThrownBy(s::requireComplete).isInstanceOf(ConfigException.class)
                .hasMessageContaining("client_id").hasMessageContaining("LOOKERSDK_CLIENT_ID");
    }
}
