package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.Models;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** LookML models and explores, and their datagroups (trigger fields writable). Thread-safe. */
public final class ModelOps extends OperationGroup {
    public ModelOps(Store st, Views v) {
        super(st, v);
        for (Models.Model m : Models.CATALOGUE) st.lookmlModels.put(m.name(), model(m));
    }

    private static ObjectNode model(Models.Model m) {
        ObjectNode n = JsonNodes.obj();
        n.set("can", JsonNodes.obj().put("index", true).put("show", true).put("create", true).put("update", true).put("destroy", true));
        n.putArray("allowed_db_connection_names").add(m.connection());
        ArrayNode ex = n.putArray("explores");
        for (Models.Explore e : m.explores()) ex.addObject().put("name", e.name()).put("description", (String) null)
                .put("label", e.label()).put("hidden", false).put("group_label", m.label());
        n.put("has_content", true).put("label", m.label()).put("name", m.name()).put("project_name", m.project())
                .put("unlimited_db_connections", false);
        return n;
    }

    boolean exists(String name) { return st.lookmlModels.containsKey(name); }

    public void register(Api api) {
        api.on("all_lookml_models", r -> Listing.ofList(r, sorted(), n -> Shaper.shape("LookmlModel", n), true))
                .on("lookml_model", r -> one(r, Shaper.shape("LookmlModel", model(r))))
                .on("create_lookml_model", this::create).on("update_lookml_model", this::update)
                .on("delete_lookml_model", r -> st.write(() -> {
                    model(r);
                    st.lookmlModels.remove(r.param("lookml_model_name"));
                    return ApiResponse.noContent();
                }))
                .on("lookml_model_explore", this::explore)
                .on("all_datagroups", r -> Listing.ofList(r, datagroups(), n -> Shaper.shape("Datagroup", n), false))
                .on("datagroup", r -> one(r, Shaper.shape("Datagroup", datagroup(r.param("datagroup_id")))))
                .on("update_datagroup", this::updateDatagroup);
    }

    /** The generated datagroups, each as update_datagroup last left it. */
    private List<ObjectNode> datagroups() {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode d : st.datagroupGen.all()) {
            ObjectNode changed = st.instance.datagroups.get(JsonNodes.text(d, "id"));
            out.add(changed != null ? changed : d);
        }
        return out;
    }

    private ObjectNode datagroup(String id) {
        for (ObjectNode d : datagroups()) if (JsonNodes.text(d, "id").equals(id)) return d;
        throw ApiError.notFound();
    }

    /** Only the trigger fields are writable: stale_before and triggered_at (epoch seconds), to force a rebuild. */
    private ApiResponse updateDatagroup(ApiRequest r) {
        requirePermission(r, "update_datagroups");
        JsonNode b = body(r);
        for (String f : new String[] {"stale_before", "triggered_at"}) {
            JsonNode v = b.get(f);
            if (v != null && !v.isNull() && !v.canConvertToLong()) throw ApiError.validation(f, "invalid", f + " must be epoch seconds");
        }
        return st.write(() -> {
            ObjectNode n = datagroup(r.param("datagroup_id")).deepCopy();
            Shaper.mergeWritable("Datagroup", b, n);
            st.instance.datagroups.put(JsonNodes.text(n, "id"), n);
            return ApiResponse.ok(Shaper.shape("Datagroup", n));
        });
    }

    private List<ObjectNode> sorted() { return new ArrayList<>(new TreeMap<>(st.lookmlModels).values()); }

    private ObjectNode model(ApiRequest r) {
        ObjectNode m = st.lookmlModels.get(r.param("lookml_model_name"));
        if (m == null) throw ApiError.notFound();
        return m;
    }

    private ApiResponse create(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "name");
        return st.write(() -> {
            String name = b.get("name").asText();
            if (!name.matches("[a-z0-9_]+")) throw ApiError.validation("name", "invalid", "Model names use a-z, 0-9 and _");
            if (exists(name)) throw ApiError.conflict("Model already exists");
            ObjectNode n = JsonNodes.obj().put("name", name).put("has_content", false).put("unlimited_db_connections", false);
            Shaper.mergeWritable("LookmlModel", b, n);
            n.set("explores", JsonNodes.arr());
            n.put("label", name.replace('_', ' '));
            n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            st.lookmlModels.put(name, n);
            return ApiResponse.ok(Shaper.shape("LookmlModel", n));
        });
    }

    private ApiResponse update(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = model(r).deepCopy();
            Shaper.mergeWritable("LookmlModel", b, n);
            n.put("name", r.param("lookml_model_name"));
            st.lookmlModels.put(r.param("lookml_model_name"), n);
            return ApiResponse.ok(Shaper.shape("LookmlModel", n));
        });
    }

    private ApiResponse explore(ApiRequest r) {
        ObjectNode m = model(r);
        Models.Model base = Models.model(JsonNodes.text(m, "name"));
        Models.Explore e = null;
        if (base != null) for (Models.Explore x : base.explores()) if (x.name().equals(r.param("explore_name"))) e = x;
        if (e == null) throw ApiError.notFound();
        ObjectNode n = JsonNodes.obj().put("id", base.name() + "::" + e.name()).put("name", e.name()).put("label", e.label())
                .put("title", e.label()).put("model_name", base.name()).put("project_name", base.project()).put("view_name", e.name())
                .put("connection_name", base.connection()).put("sql_table_name", e.name()).put("can_total", true).put("can_save", true);
        ObjectNode fields = n.putObject("fields");
        fields.set("dimensions", fieldList(e, e.dimensions(), false));
        fields.set("measures", fieldList(e, e.measures(), true));
        fields.set("filters", JsonNodes.arr());
        fields.set("parameters", JsonNodes.arr());
        return one(r, Shaper.shape("LookmlModelExplore", n));
    }

    private static ArrayNode fieldList(Models.Explore e, List<String> names, boolean measure) {
        ArrayNode a = JsonNodes.arr();
        for (String f : names) {
            String view = f.substring(0, f.indexOf('.'));
            a.addObject().put("align", measure ? "right" : "left").put("name", f).put("label", f.replace('.', ' '))
                    .put("label_short", f.substring(f.indexOf('.') + 1)).put("measure", measure).put("is_numeric", measure)
                    .put("type", measure ? "sum" : "string").put("view", view).put("view_label", view).put("scope", view)
                    .put("category", measure ? "measure" : "dimension").put("sortable", true).put("can_filter", true)
                    .put("source_file", e.name() + ".view.lkml").put("source_file_path", e.name() + "/" + e.name() + ".view.lkml")
                    .put("suggest_dimension", f).put("suggest_explore", e.name()).put("suggestable", !measure)
                    .put("week_start_day", "monday");
        }
        return a;
    }

}
