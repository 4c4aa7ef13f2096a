package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.InstanceGen;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Keyed;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;

/**
 * SSH servers (a new one answers the instance's freshly generated public key, to install on the bastion) and the
 * tunnels through them, which connections name by tunnel_id. Admin only. Thread-safe.
 */
public final class SshOps extends OperationGroup {
    private static final int FIRST_LOCAL_PORT = 30000;

    public SshOps(Store st, Views v) {
        super(st, v);
    }

    private Keyed servers() { return st.instance.sshServers; }

    private Keyed tunnels() { return st.instance.sshTunnels; }

    public void register(Api api) {
        api.on("all_ssh_servers", admin(r -> Listing.ofList(r, servers().all(), SshOps::server, false)))
                .on("ssh_server", admin(r -> one(r, server(need(servers(), r.param("ssh_server_id"))))))
                .on("create_ssh_server", admin(this::createServer)).on("update_ssh_server", admin(this::updateServer))
                .on("delete_ssh_server", admin(r -> st.write(() -> {
                    // The spec lists no conflict answer: a server still used by a tunnel is deleted all the same.
                    need(servers(), r.param("ssh_server_id"));
                    servers().remove(r.param("ssh_server_id"));
                    return ApiResponse.noContent();
                })))
                .on("all_ssh_tunnels", admin(r -> Listing.ofList(r, tunnels().all(), this::tunnel, false)))
                .on("ssh_tunnel", admin(r -> one(r, tunnel(need(tunnels(), r.param("ssh_tunnel_id"))))))
                .on("create_ssh_tunnel", admin(this::createTunnel)).on("update_ssh_tunnel", admin(this::updateTunnel))
                .on("delete_ssh_tunnel", admin(r -> st.write(() -> {
                    need(tunnels(), r.param("ssh_tunnel_id"));
                    tunnels().remove(r.param("ssh_tunnel_id"));
                    return ApiResponse.noContent();
                })));
    }

    private java.util.function.Function<ApiRequest, ApiResponse> admin(java.util.function.Function<ApiRequest, ApiResponse> h) {
        return r -> {
            requireAdmin(r);
            return h.apply(r);
        };
    }

    private static ObjectNode need(Keyed k, String id) {
        ObjectNode n = k.get(id);
        if (n == null) throw ApiError.notFound();
        return n;
    }

    private ApiResponse createServer(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "ssh_server_name", "ssh_server_host", "ssh_server_user");
        return st.write(() -> {
            String id = st.instance.newHexId();
            ObjectNode n = JsonNodes.obj().put("ssh_server_id", id).put("ssh_server_port", 22);
            Shaper.mergeWritable("SshServer", b, n);
            InstanceGen.keyMaterial(n, st.instance.random);
            n.put("status", "ok");
            servers().put(id, n);
            return ApiResponse.ok(server(n));
        });
    }

    private ApiResponse updateServer(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(servers(), r.param("ssh_server_id")).deepCopy();
            Shaper.mergeWritable("SshServer", b, n);
            servers().put(r.param("ssh_server_id"), n);
            return ApiResponse.ok(server(n));
        });
    }

    private ApiResponse createTunnel(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "ssh_server_id", "database_host", "database_port");
        return st.write(() -> {
            checkServer(b);
            String id = st.instance.newHexId();
            ObjectNode n = JsonNodes.obj().put("tunnel_id", id);
            Shaper.mergeWritable("SshTunnel", b, n);
            if (!n.hasNonNull("local_host_port")) n.put("local_host_port", freePort());
            n.put("status", "ok").put("last_attempt", st.nowIso());
            tunnels().put(id, n);
            return ApiResponse.ok(tunnel(n));
        });
    }

    private ApiResponse updateTunnel(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            checkServer(b);
            ObjectNode n = need(tunnels(), r.param("ssh_tunnel_id")).deepCopy();
            Shaper.mergeWritable("SshTunnel", b, n);
            tunnels().put(r.param("ssh_tunnel_id"), n);
            return ApiResponse.ok(tunnel(n));
        });
    }

    private void checkServer(JsonNode b) {
        JsonNode s = b.get("ssh_server_id");
        if (s != null && servers().get(s.asText()) == null) throw ApiError.validation("ssh_server_id", "invalid", "No SSH server with id " + s.asText());
    }

    /** Looker gives each tunnel its own local port: the next one above every port in use. */
    private int freePort() {
        int max = FIRST_LOCAL_PORT - 1;
        for (ObjectNode t : tunnels().all()) max = Math.max(max, t.path("local_host_port").asInt());
        return max + 1;
    }

    private static ObjectNode server(ObjectNode n) { return Shaper.shape("SshServer", n); }

    /** A tunnel shows its server's name, host, port and user (read-only copies). */
    private ObjectNode tunnel(ObjectNode t) {
        ObjectNode n = t.deepCopy();
        ObjectNode s = servers().get(JsonNodes.text(t, "ssh_server_id"));
        if (s != null) {
            for (String f : new String[] {"ssh_server_name", "ssh_server_host", "ssh_server_port", "ssh_server_user"}) n.set(f, s.get(f));
        }
        return Shaper.shape("SshTunnel", n);
    }
}
