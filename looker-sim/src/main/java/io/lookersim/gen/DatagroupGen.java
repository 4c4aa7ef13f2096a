package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The datagroups the project models declare: a default one per model and an ETL one for thelook, ids 1..n in model
 * order. Times are epoch seconds before the simulator's "now". Pure functions of the seed.
 */
public final class DatagroupGen extends SeededGenerator {
    private static final int SALT = 17;

    public DatagroupGen(InstanceLayout p) {
        super(p);
    }

    public List<ObjectNode> all() {
        List<ObjectNode> out = new ArrayList<>();
        for (Models.Model m : Models.ALL) {
            out.add(datagroup(out.size() + 1, m.name(), m.name() + "_default_datagroup"));
            if (m.name().equals("thelook")) out.add(datagroup(out.size() + 1, m.name(), "ecommerce_etl"));
        }
        return out;
    }

    private ObjectNode datagroup(long id, String model, String name) {
        SplittableRandom r = rng(SALT, id);
        long checked = now() - r.nextInt(300);
        long triggered = checked - 3600 - r.nextInt(80_000);
        ObjectNode d = JsonNodes.obj();
        d.put("created_at", triggered - 86_400).put("id", s(id)).put("model_name", model).put("name", name)
                .putNull("stale_before").put("trigger_check_at", checked).putNull("trigger_error")
                .put("trigger_value", iso(triggered)).put("triggered_at", triggered);
        d.set("can", can("show", "update"));
        return d;
    }
}
