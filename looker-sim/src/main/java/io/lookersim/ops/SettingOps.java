package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.SettingDefaults;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Schemas;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Store;
import java.util.List;

/**
 * The instance settings singletons (GET/PATCH): only writable fields change, nested setting objects merge field by
 * field, read-only ones keep their value; range rules from the spec's descriptions are enforced (422). The custom
 * welcome email is one object, also seen inside /setting. Admin only. Thread-safe.
 */
public final class SettingOps extends OperationGroup {
    /** One singleton: its name (store key, url), schema, get and patch operation ids. */
    private record Single(String name, String schema, String get, String patch) {}

    private static final List<Single> ALL = List.of(
            new Single("setting", "Setting", "get_setting", "set_setting"),
            new Single("session_config", "SessionConfig", "session_config", "update_session_config"),
            new Single("password_config", "PasswordConfig", "password_config", "update_password_config"),
            new Single("custom_welcome_email", "CustomWelcomeEmail", "custom_welcome_email", "update_custom_welcome_email"),
            new Single("internal_help_resources", "InternalHelpResources", "internal_help_resources", "update_internal_help_resources"),
            new Single("internal_help_resources_content", "InternalHelpResourcesContent", "internal_help_resources_content",
                    "update_internal_help_resources_content"),
            new Single("digest_emails_enabled", "DigestEmails", "digest_emails_enabled", "update_digest_emails_enabled"),
            new Single("cloud_storage", "BackupConfiguration", "cloud_storage_configuration", "update_cloud_storage_configuration"));

    public SettingOps(Store st, Views v) {
        super(st, v);
    }

    public void register(Api api) {
        for (Single s : ALL) {
            api.on(s.get(), r -> {
                requireAdmin(r);
                return one(r, view(s, current(s)));
            }).on(s.patch(), r -> update(s, r));
        }
    }

    private ObjectNode current(Single s) { return st.instance.singleton(s.name(), () -> SettingDefaults.of(s.name())); }

    private static Single byName(String name) {
        for (Single s : ALL) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException(name);
    }

    private ApiResponse update(Single s, ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = current(s).deepCopy();
            mergeNested(s.schema(), b, n);
            check(s, n);
            if (s.name().equals("password_config") && (b.has("expiration_enabled") || b.has("expiration_duration_days"))) {
                n.put("policy_enabled_at", n.path("expiration_enabled").asBoolean() ? st.nowIso() : null);
            }
            if (s.name().equals("setting") && b.path("custom_welcome_email").isObject()) {
                ObjectNode email = current(byName("custom_welcome_email")).deepCopy();
                mergeNested("CustomWelcomeEmail", b.get("custom_welcome_email"), email);
                st.instance.putSingleton("custom_welcome_email", email);
            }
            n.remove("custom_welcome_email"); // one object: /setting shows the current one
            st.instance.putSingleton(s.name(), n);
            return one(r, view(s, n));
        });
    }

    /** Writable fields; a nested settings object merges its own writable fields instead of being replaced. */
    private void mergeNested(String schema, JsonNode body, ObjectNode target) {
        if (body == null || !body.isObject()) return;
        Schemas.Schema sc = Schemas.get().schema(schema);
        ObjectNode flat = body.deepCopy();
        for (Schemas.Prop p : sc.props()) {
            JsonNode v = body.get(p.name());
            if (p.ref() != null && !p.array() && !p.readOnly() && v != null && v.isObject()) {
                ObjectNode inner = target.path(p.name()).isObject() ? ((ObjectNode) target.get(p.name())).deepCopy() : JsonNodes.obj();
                mergeNested(p.ref(), v, inner);
                target.set(p.name(), inner);
                flat.remove(p.name());
            }
        }
        mergeKeepingNoSecrets(schema, flat, target);
    }

    /** Ranges the spec states in prose. */
    private static void check(Single s, ObjectNode n) {
        switch (s.name()) {
            case "session_config" -> range(n, "session_minutes", 5, 43_200);
            case "password_config" -> {
                range(n, "min_length", 7, 100);
                range(n, "expiration_duration_days", 30, 365);
            }
            case "cloud_storage" -> {
                String t = JsonNodes.text(n, "type");
                if (t != null && !t.equals("looker-s3") && !t.equals("custom-s3")) throw ApiError.validation("type", "invalid", "Must be looker-s3 or custom-s3");
            }
            default -> { }
        }
    }

    private static void range(ObjectNode n, String f, int min, int max) {
        JsonNode v = n.get(f);
        if (v != null && !v.isNull() && (v.asInt() < min || v.asInt() > max)) {
            throw ApiError.validation(f, "invalid", f + " must be between " + min + " and " + max);
        }
    }

    private ObjectNode view(Single s, ObjectNode c) {
        ObjectNode n = c.deepCopy();
        if (s.name().equals("setting")) n.set("custom_welcome_email", Shaper.shape("CustomWelcomeEmail", current(byName("custom_welcome_email"))));
        if (s.name().equals("cloud_storage")) n.put("url", "/api/4.0/cloud_storage");
        n.set("can", JsonNodes.obj().put("show", true).put("update", true));
        return Shaper.shape(s.schema(), n);
    }
}
