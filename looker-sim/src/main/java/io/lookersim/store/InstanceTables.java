package io.lookersim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.gen.InstanceGen;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance beyond its content (issue #11): connections, SSH servers and tunnels, projects and the singletons
 * (auth configs, settings), seeded from the generator. Writes run under the Store lock, which also guards
 * {@link #random}. Thread-safe under that rule.
 */
public final class InstanceTables {
    public final Keyed connections = new Keyed("connections");
    public final Keyed sshServers = new Keyed("ssh_servers");
    public final Keyed sshTunnels = new Keyed("ssh_tunnels");
    public final Keyed projects = new Keyed("projects");
    /** user id → the workspace of that user's API session ("production" unless update_session chose "dev"). */
    public final Map<String, String> workspaces = new ConcurrentHashMap<>();
    /** Singletons by name (saml_config, setting, …); absent until first read, then the generator's default. */
    private final Map<String, ObjectNode> singletons = new ConcurrentHashMap<>();
    /** Seeded source of new ids and key material, so that two runs with one seed answer alike. Store lock only. */
    public final SplittableRandom random;

    public InstanceTables(InstanceGen gen, long seed) {
        random = new SplittableRandom(seed ^ 0x11_5EED_11L);
        fill(sshServers, gen.sshServers(), "ssh_server_id");
        fill(sshTunnels, gen.sshTunnels(), "tunnel_id");
        fill(connections, gen.connections(), "name");
        fill(projects, gen.projects(), "id");
    }

    private static void fill(Keyed k, List<ObjectNode> items, String key) {
        for (ObjectNode n : items) k.put(n.path(key).asText(), n);
    }

    public ObjectNode singleton(String name, java.util.function.Supplier<ObjectNode> initial) {
        return singletons.computeIfAbsent(name, k -> initial.get());
    }

    public void putSingleton(String name, ObjectNode n) { singletons.put(name, n); }

    /** A new 32-hex-digit id (SSH servers, tunnels, OAuth apps). Call under the Store lock. */
    public String newHexId() { return InstanceGen.hex(random, 32); }
}
