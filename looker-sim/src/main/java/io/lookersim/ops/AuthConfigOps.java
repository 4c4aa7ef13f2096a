package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Store;
import java.util.List;

/**
 * The SAML, OIDC and LDAP configurations: singletons, disabled on a fresh Looker. A PATCH maps external groups to
 * Looker roles by id (groups_with_role_ids; each mapped group is a Looker group of that name, made when missing, as
 * Looker's reflected groups are) and external attributes to user attributes by id; the read side answers the
 * resolved groups/roles/attributes. OIDC secret and LDAP auth_password are write-only. Admin only. Thread-safe.
 */
public final class AuthConfigOps extends OperationGroup {
    /** One auth kind: singleton name, schema, nested schema prefix, fields needed to enable, secret → has-flag. */
    private record Kind(String name, String schema, String prefix, List<String> neededToEnable, String secret, String hasSecret) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("saml_config", "SamlConfig", "Saml", List.of("idp_url", "idp_issuer"), null, null),
            new Kind("oidc_config", "OIDCConfig", "OIDC", List.of("issuer", "identifier", "authorization_endpoint", "token_endpoint"), "secret", null),
            new Kind("ldap_config", "LDAPConfig", "LDAP", List.of("connection_host", "connection_port"), "auth_password", "has_auth_password"));

    public AuthConfigOps(Store st, Views v) {
        super(st, v);
    }

    public void register(Api api) {
        for (Kind k : KINDS) {
            api.on(k.name(), r -> {
                requireAdmin(r);
                return ApiResponse.ok(view(k, current(k)));
            }).on("update_" + k.name(), r -> update(k, r));
        }
    }

    private ObjectNode current(Kind k) { return st.instance.singleton(k.name(), () -> fresh(k)); }

    /** A fresh Looker's configuration: disabled, unmapped, Looker's default attribute names. */
    private static ObjectNode fresh(Kind k) {
        ObjectNode n = JsonNodes.obj().put("enabled", false).put("alternate_email_login_allowed", false)
                .put("auth_requires_role", false).put("set_roles_from_groups", false)
                .put("allow_normal_group_membership", true).put("allow_roles_from_normal_groups", true).put("allow_direct_roles", true)
                .put("user_attribute_map_email", "email").put("user_attribute_map_first_name", "first_name")
                .put("user_attribute_map_last_name", "last_name");
        n.set("groups_with_role_ids", JsonNodes.arr());
        n.set("user_attributes_with_ids", JsonNodes.arr());
        switch (k.prefix()) {
            case "Saml" -> {
                n.putObject("idp_cert_multi").set("signing", JsonNodes.arr());
                n.put("allowed_clock_drift", 0).put("bypass_login_page", false).put("groups_finder_type", "grouped_attribute_values")
                        .put("multi_certs_supported", true);
            }
            case "OIDC" -> n.set("scopes", JsonNodes.arr().add("openid").add("email").add("profile"));
            default -> n.put("connection_tls", false).put("connection_tls_no_verify", false).put("force_no_page", false)
                    .put("merge_new_users_by_email", false).put("has_auth_password", false);
        }
        return n;
    }

    private ApiResponse update(Kind k, ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = current(k).deepCopy();
            JsonNode roleIds = b.get("default_new_user_role_ids"), groupIds = b.get("default_new_user_group_ids");
            mergeKeepingNoSecrets(k.schema(), b, n);
            if (roleIds != null) n.set("_default_role_ids", checked(roleIds, true, "default_new_user_role_ids"));
            if (groupIds != null) n.set("_default_group_ids", checked(groupIds, false, "default_new_user_group_ids"));
            if (k.hasSecret() != null && sets(b, k.secret())) n.put(k.hasSecret(), true);
            if (b.has("groups_with_role_ids")) n.set("groups_with_role_ids", groupMappings(k, b.get("groups_with_role_ids")));
            if (b.has("user_attributes_with_ids")) n.set("user_attributes_with_ids", attributeMappings(b.get("user_attributes_with_ids")));
            if (n.path("enabled").asBoolean()) {
                for (String f : k.neededToEnable()) if (!n.hasNonNull(f) || n.get(f).asText().isBlank()) throw ApiError.validation(f, "missing", "Required to enable " + k.name());
            }
            n.put("modified_at", st.nowIso()).put("modified_by", r.userId());
            st.instance.putSingleton(k.name(), n);
            return ApiResponse.ok(view(k, n));
        });
    }

    private ArrayNode checked(JsonNode ids, boolean roles, String field) {
        ArrayNode out = JsonNodes.arr();
        if (ids == null || !ids.isArray()) return out;
        for (JsonNode id : ids) {
            if ((roles ? st.roles : st.groups).get(id.asText()) == null) throw ApiError.validation(field, "invalid", "No " + (roles ? "role" : "group") + " with id " + id.asText());
            out.add(id.asText());
        }
        return out;
    }

    /** Each mapping gets an id, and a Looker group of its looker_group_name (made when missing) with its roles. */
    private ArrayNode groupMappings(Kind k, JsonNode in) {
        ArrayNode out = JsonNodes.arr();
        if (!in.isArray()) return out;
        int i = 0;
        for (JsonNode m : in) {
            ObjectNode g = JsonNodes.obj();
            Shaper.mergeWritable(k.prefix() + "GroupWrite", m, g);
            if (!g.hasNonNull("name")) throw ApiError.validation("groups_with_role_ids", "missing", "Each group mapping needs a name");
            String lookerName = g.hasNonNull("looker_group_name") ? g.get("looker_group_name").asText() : g.get("name").asText();
            ArrayNode roles = checked(m.get("role_ids"), true, "groups_with_role_ids");
            long group = reflectedGroup(lookerName, roles);
            g.put("id", Integer.toString(++i)).put("looker_group_name", lookerName).put("looker_group_id", s(group)).set("role_ids", roles);
            out.add(g);
        }
        return out;
    }

    private long reflectedGroup(String name, ArrayNode roles) {
        long id = -1;
        for (long g = 1; g <= st.groups.maxId() && id < 0; g++) {
            ObjectNode n = st.groups.get(g);
            if (n != null && name.equals(JsonNodes.text(n, "name"))) id = g;
        }
        if (id < 0) {
            id = st.groups.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("name", name).put("externally_managed", true)
                    .put("include_by_default", false).put("can_add_to_content_metadata", true).put("contains_current_user", false);
            n.set("can", JsonNodes.obj().put("show", true).put("index", true).put("update", true).put("delete", true));
            st.groups.put(id, n);
        }
        for (JsonNode role : roles) st.roleGroups.add(id(role.asText()), id);
        return id;
    }

    private ArrayNode attributeMappings(JsonNode in) {
        ArrayNode out = JsonNodes.arr();
        if (!in.isArray()) return out;
        for (JsonNode m : in) {
            if (!m.hasNonNull("name")) throw ApiError.validation("user_attributes_with_ids", "missing", "Each attribute mapping needs a name");
            ObjectNode a = JsonNodes.obj().put("name", m.get("name").asText()).put("required", m.path("required").asBoolean());
            ArrayNode ids = JsonNodes.arr();
            for (JsonNode id : m.path("user_attribute_ids")) {
                if (st.attrs.get(id.asText()) == null) throw ApiError.validation("user_attributes_with_ids", "invalid", "No user attribute with id " + id.asText());
                ids.add(id.asText());
            }
            out.add(a.set("user_attribute_ids", ids));
        }
        return out;
    }

    private ObjectNode view(Kind k, ObjectNode c) {
        ObjectNode n = c.deepCopy();
        String url = "/api/4.0/" + k.name();
        ArrayNode groups = n.putArray("groups");
        for (JsonNode g : n.path("groups_with_role_ids")) { // n is a copy: adding url leaves the stored node alone
            ObjectNode read = ((ObjectNode) g.deepCopy()).put("url", url);
            ArrayNode roles = read.putArray("roles");
            for (JsonNode id : g.path("role_ids")) {
                ObjectNode role = st.roles.get(id.asText());
                if (role != null) roles.add(v.role(role));
            }
            groups.add(read);
            ((ObjectNode) g).put("url", url);
        }
        ArrayNode attrs = n.putArray("user_attributes");
        for (JsonNode a : n.path("user_attributes_with_ids")) {
            ObjectNode read = JsonNodes.obj().put("name", JsonNodes.text(a, "name")).put("required", a.path("required").asBoolean()).put("url", url);
            ArrayNode list = read.putArray("user_attributes");
            for (JsonNode id : a.path("user_attribute_ids")) {
                ObjectNode ua = st.attrs.get(id.asText());
                if (ua != null) list.add(Shaper.shape("UserAttribute", ua));
            }
            attrs.add(read);
            ((ObjectNode) a).put("url", url);
        }
        ArrayNode dr = n.putArray("default_new_user_roles");
        for (JsonNode id : c.path("_default_role_ids")) if (st.roles.get(id.asText()) != null) dr.add(v.role(st.roles.get(id.asText())));
        ArrayNode dg = n.putArray("default_new_user_groups");
        for (JsonNode id : c.path("_default_group_ids")) if (st.groups.get(id.asText()) != null) dg.add(v.group(st.groups.get(id.asText())));
        n.put("url", url).set("can", JsonNodes.obj().put("show", true).put("update", true));
        return Shaper.shape(k.schema(), n);
    }
}
