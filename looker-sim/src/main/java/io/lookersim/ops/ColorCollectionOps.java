package io.lookersim.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.gen.ColorCollections;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;

/** The standard color collections and the instance's default one (read, and set the default). Thread-safe. */
public final class ColorCollectionOps extends OperationGroup {
    public ColorCollectionOps(Store st, Views v) {
        super(st, v);
    }

    public void register(Api api) {
        api.on("all_color_collections", r -> Listing.ofList(r, ColorCollections.all(), ColorCollectionOps::shape, false))
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
                });
    }

    private static ObjectNode need(String id) {
        ObjectNode c = ColorCollections.byId(id);
        if (c == null) throw ApiError.notFound();
        return c;
    }

    private static ObjectNode shape(ObjectNode c) { return Shaper.shape("ColorCollection", c); }
}
