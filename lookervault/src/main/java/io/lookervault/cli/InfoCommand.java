package io.lookervault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.config.AppConfig;
import io.lookervault.config.ConfigException;
import io.lookervault.looker.LookerClient;
import io.lookervault.looker.LookerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "info", sortOptions = false,
        description = {"Show the Looker release and API version, the API user, and the vault file with a summary of "
                + "what it holds.",
                "Without Looker settings (no base_url, client_id or client_secret) only the vault half is shown."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault info",
                "  lookervault --db demo.db info        # a vault alone: no Looker settings needed",
                "  lookervault info --db /backups/looker.db --output json"})
final class InfoCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    private final CliContext ctx;

    InfoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        AppConfig cfg = global.loadConfig(ctx, Map.of());
        ObjectNode info = JsonOutput.object();
        try {
            cfg.looker().requireComplete();
            looker(cfg, info);
        } catch (ConfigException e) {
            // the vault half needs no Looker: say why the Looker half is missing instead of failing
            info.putObject("looker").put("skipped", e.getMessage());
        }
        info.set("vault", vault(cfg.db()));
        VaultStatus.summary(cfg.db(), (ObjectNode) info.get("vault"));
        if (global.json()) {
            JsonOutput.print(ctx.out(), info);
        } else {
            render(info);
        }
        return ExitCodes.OK;
    }

    private static void looker(AppConfig cfg, ObjectNode info) throws LookerException, InterruptedException {
        // a few quick retries: info answers a person, it is not a long unattended run
        try (LookerClient client = LookerClient.create(cfg.looker(),
                cfg.resilience().withMaxRetries(Math.min(2, cfg.resilience().maxRetries())))) {
            JsonNode versions = client.versions();
            JsonNode me = client.me();
            ObjectNode looker = info.putObject("looker");
            looker.put("base_url", client.baseUrl());
            looker.put("release", versions.path("looker_release_version").asText(""));
            looker.put("api_version", versions.path("current_version").path("version").asText(""));
            ObjectNode user = info.putObject("api_user");
            user.put("id", me.path("id").asText(""));
            user.put("display_name", me.path("display_name").asText(""));
            user.put("email", me.path("email").asText(""));
            // which instance types a backup can read (issue #11); SKIPPED rows name the permission to grant
            com.fasterxml.jackson.databind.node.ArrayNode types = looker.putArray("instance_types");
            for (ReadinessChecks.Check c : ReadinessChecks.instance(client)) {
                types.addObject().put("type", c.name().substring("can read ".length()))
                        .put("readable", c.status() == ReadinessChecks.Status.OK).put("detail", c.detail());
            }
        }
    }

    private static ObjectNode vault(Path db) throws IOException {
        ObjectNode v = JsonOutput.object();
        Path abs = db.toAbsolutePath();
        v.put("path", abs.toString());
        v.put("exists", Files.exists(abs));
        if (Files.exists(abs)) {
            v.put("size_bytes", Files.size(abs));
        }
        return v;
    }

    private void render(ObjectNode info) {
        JsonNode looker = info.path("looker");
        JsonNode user = info.path("api_user");
        JsonNode vault = info.path("vault");
        TextTable t = TextTable.of("ITEM", "VALUE");
        if (looker.has("skipped")) {
            t.row("Looker", "skipped: " + looker.path("skipped").asText());
        } else {
            t.row("Looker", looker.path("base_url").asText());
            t.row("Looker release", looker.path("release").asText());
            t.row("API version", looker.path("api_version").asText());
            t.row("API user", user.path("display_name").asText() + " (id " + user.path("id").asText() + ")"
                    + (user.path("email").asText().isEmpty() ? "" : " <" + user.path("email").asText() + ">"));
            for (JsonNode it : looker.path("instance_types")) {
                t.row("Reads " + it.path("type").asText(), it.path("readable").asBoolean() ? "yes" : it.path("detail").asText());
            }
        }
        t.row("Vault", vault.path("path").asText() + (vault.path("exists").asBoolean()
                ? " (" + vault.path("size_bytes").asLong() + " bytes)" : " (not created yet)"));
        VaultStatus.rows(t, vault);
        t.render(ctx.out(), TextTable.width(ctx.env()));
    }
}
