package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.ColorCollections;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * Color collections: Looker's standard ones (constant) and custom ones (create, update, delete; admin only, others
 * get 404 as the spec says), and the instance's default. Palette ids are Looker's to give. Thread-safe.
 */
public final class ColorCollectionOps extends OperationGroup {
    private static final String[] PALETTES = {"categoricalPalettes", "sequentialPalettes", "divergingPalettes"};

    public ColorCollectionOps(Store st, Views v) {
        super(st, v);
    }

    public void register(Api api) {
        api.on("all_color_collections", r -> Listing.ofList(r, all(), ColorCollectionOps::shape, false))
                .on("color_collections_standard", r -> Listing.ofList(r, ColorCollections.all(), ColorCollectionOps::shape, false))
                .on("color_collections_custom", r -> Listing.ofList(r, st.instance.colorCollections.all(), ColorCollectionOps::shape, false))
                .on("color_collection", r -> one(r, shape(need(r.param("collection_id")))))
                .on("default_color_collection", r -> one(r, shape(need(st.defaultColorCollection.get()))))
                .on("set_default_color_collection", r -> {
                    String id = r.q("collection_id");
                    if (id == null) throw ApiError.badRequest("collection_id is required");
                    ObjectNode c = need(id);
                    st.write(() -> {
                        st.defaultColorCollection.set(id);
                        return null;
                    });
                    return one(r, shape(c));
                })
                .on("create_color_collection", this::create).on("update_color_collection", this::update)
                .on("delete_color_collection", r -> {
                    requireAdmin(r);
                    return st.write(() -> {
                        String id = r.param("collection_id");
                        custom(id);
                        if (id.equals(st.defaultColorCollection.get())) throw ApiError.badRequest("The default color collection cannot be deleted");
                        st.instance.colorCollections.remove(id);
                        return ApiResponse.noContent();
                    });
                });
    }

    private List<ObjectNode> all() {
        List<ObjectNode> out = new ArrayList<>(ColorCollections.all());
        out.addAll(st.instance.colorCollections.all());
        return out;
    }

    private ObjectNode need(String id) {
        ObjectNode c = ColorCollections.byId(id);
        if (c == null) c = st.instance.colorCollections.get(id);
        if (c == null) throw ApiError.notFound();
        return c;
    }

    /** A custom collection: standard ones are Looker's and cannot change (403, as the spec declares). */
    private ObjectNode custom(String id) {
        if (ColorCollections.byId(id) != null) throw new ApiError(403, "Standard color collections cannot be changed", null);
        ObjectNode c = st.instance.colorCollections.get(id);
        if (c == null) throw ApiError.notFound();
        return c;
    }

    private ApiResponse create(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        require(b, "label");
        return st.write(() -> {
            String id = st.instance.newHexId().substring(0, 8) + "-" + st.instance.newHexId().substring(0, 4);
            ObjectNode n = JsonNodes.obj().put("id", id);
            absorb(id, b, n);
            st.instance.colorCollections.put(id, n);
            return ApiResponse.ok(shape(n));
        });
    }

    private ApiResponse update(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        return st.write(() -> {
            String id = r.param("collection_id");
            ObjectNode n = custom(id).deepCopy();
            absorb(id, b, n);
            st.instance.colorCollections.put(id, n);
            return ApiResponse.ok(shape(n));
        });
    }

    /** Label and palettes; each palette gets an id "collection-kind-i" unless it keeps one of this collection. */
    private static void absorb(String id, JsonNode b, ObjectNode n) {
        if (b.hasNonNull("label")) n.put("label", b.get("label").asText());
        for (String kind : PALETTES) {
            JsonNode in = b.get(kind);
            if (in == null || !in.isArray()) {
                if (!n.has(kind)) n.set(kind, JsonNodes.arr());
                continue;
            }
            ArrayNode out = JsonNodes.arr();
            String schema = kind.equals("categoricalPalettes") ? "DiscretePalette" : "ContinuousPalette";
            for (JsonNode p : in) {
                ObjectNode palette = JsonNodes.obj();
                Shaper.mergeWritable(schema, p, palette);
                if (!palette.hasNonNull("type")) throw ApiError.validation(kind, "missing", "Each palette needs a type");
                palette.put("id", id + "-" + kind.replace("Palettes", "") + "-" + out.size());
                out.add(palette);
            }
            n.set(kind, out);
        }
    }

    private static ObjectNode shape(ObjectNode c) { return Shaper.shape("ColorCollection", c); }
}
