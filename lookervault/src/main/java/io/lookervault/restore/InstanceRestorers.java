package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;
import java.util.List;
import java.util.Map;

/**
 * What content needs to run in a new Looker (issue #11): SSH servers and tunnels, database connections. Each is
 * matched by its natural key (name; a tunnel by server, host and port), created when missing, else patched in
 * the fields that differ; write-only secrets come from the secrets file ({@link SecretNeeds}).
 */
final class InstanceRestorers {
    private InstanceRestorers() {}

    /** An admin object whose id field is not {@code id} (its catalogue entry says which). */
    abstract static class Keyed extends BaseRestorer {
        private final String idField;
        private final String schema;

        Keyed(ContentType type, String schema) {
            super(type);
            this.idField = type.idField();
            this.schema = schema;
        }

        @Override
        JsonNode keyed(JsonNode dest) {
            if (dest == null || dest.has("id") && !dest.path("id").isNull() || !(dest instanceof ObjectNode o)) {
                return dest;
            }
            ObjectNode c = o.deepCopy();
            c.put("id", JsonFields.text(dest, idField));
            return c;
        }

        /** The destination's whole list, matched on {@code field}. */
        JsonNode byField(RestoreContext ctx, String field, String value) throws LookerException, InterruptedException {
            return keyed(exact(ctx.dest.get(contentType.listPath(), Map.of()), field, value));
        }

        /** By default the document's writable fields, as the spec's schema names them. */
        @Override
        ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
            return writable(doc, ctx);
        }

        ObjectNode writable(JsonNode doc, RestoreContext ctx) {
            return ctx.write.body(schema, doc);
        }
    }

    /** SSH servers by name; a new one's key (this Looker's public key) is reported for the server's admin. */
    static TypeRestorer sshServers() {
        return new Keyed(ContentType.SSH_SERVERS, "SshServer") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                return byField(ctx, "ssh_server_name", JsonFields.text(doc, "ssh_server_name"));
            }

            @Override
            JsonNode create(JsonNode doc, ObjectNode body, RestoreContext ctx, List<String> notes)
                    throws LookerException, InterruptedException {
                JsonNode made = super.create(doc, body, ctx, notes);
                String key = JsonFields.text(made, "public_key");
                notes.add("new SSH server key: add this Looker's public key to " + JsonFields.text(doc, "ssh_server_user")
                        + "@" + JsonFields.text(doc, "ssh_server_host") + " ~/.ssh/authorized_keys"
                        + (key == null ? " (GET /ssh_public_key shows it)" : ": " + key.strip()));
                return made;
            }
        };
    }

    /**
     * SSH tunnels by server, database host and port (they have no name). The local port is Looker's to choose,
     * so it is neither sent nor compared.
     */
    static TypeRestorer sshTunnels() {
        return new Keyed(ContentType.SSH_TUNNELS, "SshTunnel") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                String server = ctx.ids.ref("ssh_servers", doc.path("ssh_server_id"));
                if (server == null) {
                    return null;
                }
                for (JsonNode t : ctx.dest.get(contentType.listPath(), Map.of())) {
                    if (server.equals(JsonFields.text(t, "ssh_server_id"))
                            && JsonFields.same(doc.path("database_host"), t.path("database_host"))
                            && JsonFields.same(doc.path("database_port"), t.path("database_port"))) {
                        return keyed(t);
                    }
                }
                return null;
            }

            @Override
            ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
                ObjectNode b = writable(doc, ctx);
                b.remove("local_host_port");
                translate(b, "ssh_server_id", "ssh_servers", ctx, notes);
                return b;
            }
        };
    }

    /**
     * Connections by name, with their tunnel translated; password and certificates from the secrets file (else the
     * connection is created without them and each is reported). Looker's own connections are matched, not written.
     */
    static TypeRestorer connections() {
        return new Keyed(ContentType.CONNECTIONS, "DBConnection") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                String name = JsonFields.text(doc, "name");
                return name == null ? null : keyed(ctx.dest.getOrNull(path(name)));
            }

            @Override
            ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
                ObjectNode b = writable(doc, ctx);
                translate(b, "tunnel_id", "ssh_tunnels", ctx, notes);
                translate(b, "oauth_application_id", "external_oauth_applications", ctx, notes);
                return b;
            }

            @Override
            boolean readOnlyAtDestination(JsonNode doc) {
                return doc.path("example").asBoolean(false) || doc.path("managed").asBoolean(false);
            }
        };
    }
}
