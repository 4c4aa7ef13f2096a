package io.lookervault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.config.AppConfig;
import io.lookervault.config.ConfigException;
import io.lookervault.looker.ForbiddenException;
import io.lookervault.looker.LookerClient;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks behind {@code lookervault check}; each yields a row, none throws a Looker error. */
final class ReadinessChecks {
    enum Status { OK, WARN, FAIL, SKIPPED }

    /** One row of the readiness table; {@code exitCode} is what a FAIL means for the command. */
    record Check(String name, Status status, String detail, int exitCode) {
        static Check ok(String name, String detail) {
            return new Check(name, Status.OK, detail, ExitCodes.OK);
        }

        static Check fail(String name, String detail, int exitCode) {
            return new Check(name, Status.FAIL, detail, exitCode);
        }
    }

    /** A permission probe: a list call that only an API user able to see all content can make. */
    private record Probe(String name, String path, Map<String, String> query, String needs) {}

    private static final List<Probe> PROBES = List.of(
            new Probe("can list all users", "/users", Map.of("limit", "1", "fields", "id"),
                    "see_users"),
            new Probe("can list all users' schedules", "/scheduled_plans",
                    Map.of("all_users", "true", "fields", "id"), "see_schedules"),
            new Probe("can list all owners' alerts", "/alerts/search",
                    Map.of("all_owners", "true", "limit", "1", "fields", "id"), "see_alerts"),
            new Probe("can list folders", "/folders/search", Map.of("limit", "1", "fields", "id"),
                    "access to all content (see_looks, see_user_dashboards)"));

    private ReadinessChecks() {}

    static Check vault(Path db) {
        Path abs = db.toAbsolutePath();
        if (Files.exists(abs)) {
            if (Files.isRegularFile(abs) && Files.isWritable(abs)) {
                return Check.ok("vault writable", abs + " (" + size(abs) + " bytes)");
            }
            return Check.fail("vault writable", abs + " exists but is not a writable file; choose another with --db",
                    ExitCodes.USAGE);
        }
        Path dir = abs.getParent();
        if (dir != null && Files.isDirectory(dir) && Files.isWritable(dir)) {
            return Check.ok("vault writable", abs + " (not created yet; its folder is writable)");
        }
        return Check.fail("vault writable", "folder " + dir + " does not exist or is not writable; choose another "
                + "with --db or LOOKERVAULT_DB", ExitCodes.USAGE);
    }

    /** Reachability, login and permissions, in order; later checks are skipped when one fails. */
    static List<Check> looker(AppConfig cfg) throws InterruptedException {
        List<Check> out = new ArrayList<>();
        try {
            cfg.looker().requireComplete();
        } catch (ConfigException e) {
            out.add(Check.fail("credentials", e.getMessage(), ExitCodes.USAGE));
            return out;
        }
        if (!cfg.looker().verifySsl()) {
            out.add(new Check("TLS verification", Status.WARN, "verify_ssl=false: certificates are not checked",
                    ExitCodes.OK));
        }
        // check answers quickly: one retry, not the full budget a long extract deserves
        try (LookerClient client = LookerClient.create(cfg.looker(),
                cfg.resilience().withMaxRetries(Math.min(1, cfg.resilience().maxRetries())))) {
            if (!reachable(client, out) || !login(client, out)) {
                return out;
            }
            for (Probe p : PROBES) {
                out.add(probe(client, p));
            }
            out.addAll(instance(client));
        }
        return out;
    }

    private static boolean reachable(LookerClient client, List<Check> out) throws InterruptedException {
        String name = "Looker reachable";
        try {
            JsonNode v = client.versions();
            boolean has40 = false;
            for (JsonNode s : v.path("supported_versions")) {
                has40 |= "4.0".equals(s.path("version").asText());
            }
            String release = v.path("looker_release_version").asText("?");
            if (!has40) {
                out.add(Check.fail(name, "Looker " + release + " at " + client.baseUrl()
                        + " does not list API 4.0 as supported", ExitCodes.CONNECT));
                return false;
            }
            out.add(Check.ok(name, "Looker " + release + " at " + client.baseUrl() + ", API 4.0 supported"));
            return true;
        } catch (LookerException e) {
            out.add(Check.fail(name, e.getMessage() + " — check base_url and the network", ExitCodes.CONNECT));
            return false;
        }
    }

    private static boolean login(LookerClient client, List<Check> out) throws InterruptedException {
        try {
            JsonNode me = client.me();
            out.add(Check.ok("login works", "as " + me.path("display_name").asText("?") + " (user id "
                    + me.path("id").asText("?") + ")"));
            return true;
        } catch (LookerException e) {
            out.add(Check.fail("login works", e.getMessage(), ExitCodes.CONNECT));
            return false;
        }
    }

    private static Check probe(LookerClient client, Probe p) throws InterruptedException {
        try {
            JsonNode items = client.get(p.path(), p.query());
            return Check.ok(p.name(), "GET " + p.path() + " answered (" + items.size() + " shown)");
        } catch (ForbiddenException | NotFoundException e) {
            return Check.fail(p.name(), e.getMessage() + " — the API user needs " + p.needs()
                    + " (an Admin role has all)", ExitCodes.CONNECT);
        } catch (LookerException e) {
            return Check.fail(p.name(), e.getMessage(), ExitCodes.CONNECT);
        }
    }

    /**
     * Whether the API user may read each instance type (issue #11): a 403 is a SKIPPED row naming the permission,
     * exit 4, as extract then skips the type; content backups still work.
     */
    static List<Check> instance(LookerClient client) throws InterruptedException {
        List<Check> out = new ArrayList<>();
        for (io.lookervault.looker.ContentType t : io.lookervault.looker.ContentType.values()) {
            if (!t.instance()) {
                continue;
            }
            String name = "can read " + t.key();
            try {
                JsonNode items = client.get(t.listPath(), t.listQuery());
                out.add(Check.ok(name, "GET " + t.listPath() + " answered (" + (items.isArray() ? items.size() + " shown"
                        : "one document") + ")"));
            } catch (ForbiddenException e) {
                out.add(new Check(name, Status.SKIPPED, "a backup skips " + t.key() + ": the API user needs permission "
                        + t.permission() + " (" + e.getMessage() + ")", ExitCodes.PARTIAL));
            } catch (LookerException e) {
                out.add(new Check(name, Status.WARN, e.getMessage(), ExitCodes.OK));
            }
        }
        return out;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
