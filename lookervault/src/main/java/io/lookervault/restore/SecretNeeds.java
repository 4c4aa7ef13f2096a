package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which write-only secrets ({@code x-looker-write-only} in the spec) each backed-up object needs at the
 * destination, how the secrets file names it, and how a restorer puts it into a write body. Looker never
 * sends these back, so they are never compared: a secret is sent when the object is created, or when the
 * destination says through its {@code has_*} flag that it lacks one. A secret the API has no flag for
 * ("flagless": OIDC {@code secret}, cloud storage {@code custom_s3_key}/{@code custom_s3_secret}, an external OAuth
 * app's {@code client_secret}, a project's {@code git_password}/{@code deploy_secret}) is also sent when its object
 * is written anyway, or when no restore has recorded sending it to that destination object (the vault's
 * {@code secrets_sent} table, see {@link Flagless}). Stateless.
 */
final class SecretNeeds {
    /**
     * What a restore knows about the flagless secrets of one existing destination object.
     *
     * @param written      the object is written anyway (another of its fields differs)
     * @param sameInstance the destination is the backup's own source: it still holds the secret it had then, so an
     *                     otherwise unchanged object is left alone (the "same instance changes only
     *                     differing fields"; a secret file that is older than the instance's must not overwrite it)
     * @param recorded     the flagless fields a restore recorded as sent to this destination object
     */
    record Flagless(boolean written, boolean sameInstance, java.util.Set<String> recorded) {
        /** Sent only with a create: how a caller that keeps no record behaves. */
        static final Flagless NEVER = new Flagless(false, true, java.util.Set.of());

        boolean send(String field) {
            return written || !sameInstance && !recorded.contains(field);
        }
    }

    /**
     * One secret field of a type.
     *
     * @param hasFlag  the destination's flag that says the secret is set (null: the spec has none)
     * @param needed   whether the backed-up object had (or must have) the secret
     * @param optional an optional secret (a deploy webhook secret) is offered in the template but never reported
     */
    record Need(String type, String field, String hasFlag, Predicate<JsonNode> needed, boolean optional) {}

    static final List<Need> ALL = List.of(
            new Need("connections", "password", "has_password", d -> flag(d, "has_password", true), false),
            new Need("connections", "certificate", "uses_service_auth", SecretNeeds::usesCertificate, false),
            new Need("connections", "file_type", "uses_service_auth", SecretNeeds::usesCertificate, false),
            new Need("connections", "pdt_context_override.password", "pdt_context_override.has_password",
                    d -> d.path("pdt_context_override").path("has_password").asBoolean(false), false),
            new Need("projects", "git_password", null, SecretNeeds::usesGitPassword, false),
            new Need("projects", "deploy_secret", null, d -> true, true),
            new Need("ldap_config", "auth_password", "has_auth_password",
                    d -> flag(d, "has_auth_password", !d.path("auth_username").asText("").isEmpty()), false),
            new Need("oidc_config", "secret", null, d -> !d.path("identifier").asText("").isEmpty(), false),
            // Looker's own Action Hub is authorised by Looker in every instance: only matched, never written
            new Need("integration_hubs", "authorization_token", "has_authorization_token",
                    d -> d.path("has_authorization_token").asBoolean(false) && !d.path("official").asBoolean(false), false),
            new Need("external_oauth_applications", "client_secret", null, d -> true, false),
            new Need("settings", "custom_s3_key", null, SecretNeeds::customS3, false),
            new Need("settings", "custom_s3_secret", null, SecretNeeds::customS3, false));

    /** Keys whose values are secrets wherever they occur in a write body (file types are not secret). */
    static final java.util.Set<String> SECRET_KEYS = java.util.Set.of("password", "pdt_password", "certificate",
            "pdt_certificate", "git_password", "deploy_secret", "auth_password", "test_ldap_password", "secret",
            "authorization_token", "client_secret", "custom_s3_key", "custom_s3_secret");

    /** Types stored as one document whose secrets file table has no object name. */
    static final List<String> SINGLETONS = List.of("saml_config", "oidc_config", "ldap_config");

    private SecretNeeds() {}

    /** How the secrets file names an object of {@code type} (null for a singleton). */
    static String name(String type, String sourceId, JsonNode doc) {
        if (SINGLETONS.contains(type)) {
            return null;
        }
        Function<JsonNode, String> key = switch (type) {
            case "connections", "external_oauth_applications" -> d -> JsonFields.text(d, "name");
            case "integration_hubs" -> d -> JsonFields.text(d, "url");
            default -> d -> null;
        };
        String n = key.apply(doc);
        return n == null ? sourceId : n;
    }

    /** Whether {@code type} has a secret without a {@code has_*} flag (most types have no secret at all). */
    static boolean flagless(String type) {
        return ALL.stream().anyMatch(n -> n.type().equals(type) && n.hasFlag() == null);
    }

    static List<Need> of(String type) {
        return ALL.stream().filter(n -> n.type().equals(type)).toList();
    }

    static List<String> types() {
        List<String> out = new ArrayList<>(ALL.stream().map(Need::type).distinct().toList());
        out.add("integrations");
        return out;
    }

    /**
     * The needs of one object: the type's fixed ones, plus, for an integration, each sensitive param the source had
     * set ({@code params.<name>}: Looker answers only {@code has_value}, never the value).
     */
    static List<Need> of(String type, JsonNode doc) {
        if (!type.equals("integrations")) {
            return of(type);
        }
        return paramSecrets(doc).stream().map(f -> new Need(type, f, null, d -> true, false)).toList();
    }

    /** An integration's sensitive params that had a value at the source, as {@code params.<name>} fields. */
    static List<String> paramSecrets(JsonNode integration) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : integration.path("params")) {
            if (p.path("sensitive").asBoolean(false) && p.path("has_value").asBoolean(false)
                    && !p.path("name").asText("").isEmpty()) {
                out.add("params." + p.path("name").asText());
            }
        }
        return out;
    }

    /**
     * Puts the secrets {@code doc} needs into {@code body}: all of them for a create ({@code dest} null), else
     * those the destination's {@code has_*} flag says are missing. Notes say each one's state as set/unset,
     * never its value; an unset one that is needed is a reported item, not a failure.
     *
     * @return the secret fields put into the body
     */
    static List<String> apply(String type, String sourceId, JsonNode doc, JsonNode dest, ObjectNode body,
                              SecretsFile file, List<String> notes) {
        return apply(type, sourceId, doc, dest, body, file, Flagless.NEVER, notes);
    }

    /**
     * As {@link #apply(String, String, JsonNode, JsonNode, ObjectNode, SecretsFile, List)}, and a flagless secret of
     * an existing object ({@code dest} not null) is put in when {@code flagless} says so.
     */
    static List<String> apply(String type, String sourceId, JsonNode doc, JsonNode dest, ObjectNode body,
                              SecretsFile file, Flagless flagless, List<String> notes) {
        List<String> put = new ArrayList<>();
        String name = name(type, sourceId, doc);
        for (Need n : of(type)) {
            if (!n.needed().test(doc)) {
                continue;
            }
            String why = "";
            if (dest != null && n.hasFlag() != null && at(dest, n.hasFlag()).asBoolean(false)) {
                continue; // at the destination: a secret is never compared, so never resent
            }
            if (dest != null && n.hasFlag() == null) {
                if (!flagless.send(n.field())) {
                    continue; // recorded as sent (or the backup's own Looker): Looker cannot tell, so never resent
                }
                if (!flagless.written()) {
                    why = " (Looker cannot say whether it has one, and no restore has sent it to this object)";
                }
            }
            java.util.Optional<String> v = file.get(type, name, n.field());
            if (v.isPresent()) {
                set(body, n.field(), v.get());
                put.add(n.field());
                notes.add("secret " + n.field() + ": set" + why);
            } else if (!n.optional()) {
                notes.add(missing(type, name, n.field(), file));
            }
        }
        return put;
    }

    /** The note of a needed secret the file does not hold: which table and key to add. */
    static String missing(String type, String name, String field, SecretsFile file) {
        return "secret " + field + ": unset (" + (file.present() ? "" : "no secrets file; ") + "add " + field
                + " under " + SecretsFile.table(type, name) + " in the secrets file)";
    }

    /** A copy of {@code body} with every secret value replaced by {@code (set)}, for the dead-letter queue. */
    static JsonNode masked(JsonNode body) {
        JsonNode copy = body.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (String k : SECRET_KEYS) {
                if (o.hasNonNull(k)) {
                    o.put(k, "(set)");
                }
            }
        }
        if (n.isContainerNode()) {
            n.forEach(SecretNeeds::mask);
        }
    }

    private static JsonNode at(JsonNode n, String dotted) {
        for (String part : dotted.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }

    private static void set(ObjectNode body, String field, String value) {
        String[] parts = field.split("\\.");
        ObjectNode at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.get(parts[i]) instanceof ObjectNode o ? o : at.putObject(parts[i]);
        }
        at.put(parts[parts.length - 1], value);
    }

    private static boolean flag(JsonNode d, String field, boolean absent) {
        return d.has(field) && !d.get(field).isNull() ? d.get(field).asBoolean(false) : absent;
    }

    /** A service-account certificate (BigQuery's JSON/P12 file) or key-pair auth (Snowflake's private key). */
    private static boolean usesCertificate(JsonNode d) {
        return d.path("uses_service_auth").asBoolean(false) || d.path("uses_key_pair_auth").asBoolean(false);
    }

    /** An HTTPS remote with a user name of its own (not a per-user attribute, not cookie auth). */
    private static boolean usesGitPassword(JsonNode d) {
        return !d.path("git_username").asText("").isEmpty() && !d.path("use_git_cookie_auth").asBoolean(false)
                && d.path("git_password_user_attribute").asText("").isEmpty();
    }

    /** Backups to the admin's own S3 bucket ({@code /cloud_storage}), stored as the {@code settings} item of that id. */
    private static boolean customS3(JsonNode d) {
        return !d.path("custom_s3_bucket").asText("").isEmpty();
    }
}
