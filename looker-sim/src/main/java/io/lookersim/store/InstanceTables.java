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
    public final Keyed integrationHubs = new Keyed("integration_hubs");
    public final Keyed integrations = new Keyed("integrations");
    public final Keyed oauthClientApps = new Keyed("oauth_client_apps");
    public final Keyed externalOauthApps = new Keyed("external_oauth_applications");
    /** Custom color collections (the standard ones are constant, gen.ColorCollections). */
    public final Keyed colorCollections = new Keyed("color_collections");
    /** Datagroups changed by update_datagroup, by id (the others are the generator's). */
    public final Keyed datagroups = new Keyed("datagroups");
    /** Id of the default theme (set_default_theme changes it): Looker's own theme, id 1, at first. */
    public final java.util.concurrent.atomic.AtomicReference<String> defaultTheme = new java.util.concurrent.atomic.AtomicReference<>("1");
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
        integrationHubs.put("1", io.lookersim.gen.IntegrationGen.actionHub()); // every Looker has the Action Hub
        fill(integrations, gen.integrations(), "id");
        fill(oauthClientApps, gen.oauthClientApps(), "client_guid");
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
