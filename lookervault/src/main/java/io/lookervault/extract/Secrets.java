package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Fields that must never reach the vault even when a server returns them: Looker's write-only secrets
 * ({@code x-looker-write-only} in the spec, e.g. a schedule destination's {@code secret_parameters}) and the
 * one-time password-reset link of a user. Looker does not send the write-only ones, but a misbehaving server
 * or proxy could, and the vault is a file people copy. {@code SecretsSpecTest} holds the list to the spec.
 */
final class Secrets {
    static final Set<String> FIELDS = Set.of("secret_parameters", "password", "pdt_password", "client_secret",
            "secret", "auth_password", "git_password", "deploy_secret", "authorization_token", "custom_s3_key",
            "custom_s3_secret", "certificate", "pdt_certificate", "test_ldap_password", "password_reset_url",
            "account_setup_url");

    private Secrets() {}

    /**
     * Removes every secret field that holds a value, at any depth, from {@code doc} in place; returns it. A
     * {@code null} is kept: it holds no secret, and it is what Looker itself sends (a user without a pending
     * reset link), so the stored document stays Looker's own.
     */
    static JsonNode strip(JsonNode doc) {
        if (doc instanceof ObjectNode o) {
            for (String f : FIELDS) {
                if (o.hasNonNull(f)) {
                    o.remove(f);
                }
            }
        }
        if (doc != null && doc.isContainerNode()) {
            doc.forEach(Secrets::strip);
        }
        return doc;
    }
}
