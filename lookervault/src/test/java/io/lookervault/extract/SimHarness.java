package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import io.lookersim.http.RequestLogEntry;
import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.config.Secret;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerClient;
import io.lookervault.looker.Page;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shared steps of the extraction ITs: the real simulator, the real client, a real vault file. */
public final class SimHarness {
    static final ObjectMapper JSON = new ObjectMapper();

    private SimHarness() {}

    /** Makes sure the static set-up above ran before a simulator starts. */
    static void init() {}

    static LookerClient client(LookerSim sim) {
        LookerSettings s = LookerSettings.of(sim.baseUrl(), sim.clientId(), Secret.of(sim.clientSecret()), true,
                Duration.ofSeconds(10));
        return LookerClient.create(s, new ResilienceSettings(100_000, 0, 8, Duration.ofMillis(5),
                Duration.ofMillis(200)));
    }

    static ExtractReport extract(LookerSim sim, Path db, ExtractOptions o, VaultWriter.CommitHook hook)
            throws Exception {
        try (LookerClient api = client(sim); Vault v = Vault.open(db)) {
            return new ExtractJob(api, v, sim.baseUrl(), Clock.systemUTC(), hook).run(o, true);
        }
    }

    static ExtractOptions all(int workers) {
        return new ExtractOptions(List.of(), workers, 50, List.of(), false, false, io.lookervault.job.RunMode.FULL);
    }

    /** type/id → content hash of everything the vault holds as of {@code run}. */
    static Map<String, String> snapshot(Path db, long run) {
        Map<String, String> out = new TreeMap<>();
        try (Vault v = Vault.open(db)) {
            for (ContentType t : ContentType.values()) {
                v.snapshot(t.key(), run).forEach((id, h) -> out.put(t.key() + "/" + id, h));
            }
        }
        return out;
    }

    /** Every id the simulator lists for a type, through the full (unfielded) list call. */
    public static List<String> sourceIds(LookerClient api, ContentType t) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        if (t.paging() == ContentType.Paging.FIXED) {
            return t.fixedIds(); // singletons: one document per fixed path, always there
        }
        if (t.paging() == ContentType.Paging.NONE) {
            api.get(t.listPath(), t.listQuery()).forEach(n -> {
                if (t.lists(n)) { // all_dashboards also lists user-defined dashboards
                    ids.add(n.path(t.idField()).asText());
                }
            });
            return ids;
        }
        for (long offset = 0; ; offset += 100) {
            Page p = api.page(t.listPath(), t.listQuery(), offset, 100);
            p.items().forEach(n -> ids.add(n.path(t.idField()).asText()));
            if (p.isLast(100)) {
                return ids;
            }
        }
    }

    /** The stored document without LookerVault's own key: what Looker returned. */
    static JsonNode lookerPart(String stored) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(stored);
        n.remove(ItemFetcher.EXTRA);
        return n;
    }

    /** (operationId + path params) → number of successful item GETs in the log entries given. */
    static Map<String, Integer> itemFetches(List<RequestLogEntry> log) {
        Map<String, Integer> out = new HashMap<>();
        for (RequestLogEntry e : log) {
            if ("GET".equals(e.method()) && e.status() == 200 && !e.pathParams().isEmpty()) {
                out.merge(e.operationId() + e.pathParams(), 1, Integer::sum);
            }
        }
        return out;
    }
}
