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
import io.lookersim.store.Filter;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import io.lookersim.store.Trash;

/** Themes: the list, CRUD, the default theme and validation. Thread-safe. */
public final class ThemeOps extends OperationGroup {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_]+");
    /** Font families: names, spaces, quotes, commas and dashes; no CSS punctuation such as ';' or '{'. */
    private static final java.util.regex.Pattern FONT_FAMILY = java.util.regex.Pattern.compile("[A-Za-z0-9 ,'\"-]+");

    public ThemeOps(Store st, Views v) {
        super(st, v);
    }

    public void register(Api api) {
        api.on("all_themes", r -> Listing.list(r, themes(r, Filter.of(r), false)))
                .on("search_themes", r -> Listing.list(r, themes(r, Filter.of(r, "id", "id", "name", "name", "begin_at", "begin_at", "end_at", "end_at"), true)))
                .on("theme", r -> one(r, Shaper.shape("Theme", need(st.themes, r.param("theme_id")))))
                .on("default_theme", r -> one(r, Shaper.shape("Theme", need(st.themes, st.instance.defaultTheme.get()))))
                .on("set_default_theme", this::setDefault)
                .on("validate_theme", this::validateTheme)
                .on("create_theme", this::createTheme).on("update_theme", this::updateTheme)
                .on("delete_theme", r -> st.write(() -> {
                    need(st.themes, r.param("theme_id"));
                    if (r.param("theme_id").equals(st.instance.defaultTheme.get())) throw ApiError.badRequest("The default theme cannot be deleted");
                    st.themes.remove(id(r.param("theme_id")));
                    return ApiResponse.noContent();
                }));
    }

    /** Only an active theme without end_at can be the default (the spec's words); by name, as Looker takes it. */
    private ApiResponse setDefault(ApiRequest r) {
        requireAdmin(r);
        String name = r.q("name");
        if (name == null) throw ApiError.missing("name");
        return st.write(() -> {
            for (long i = 1; i <= st.themes.maxId(); i++) {
                ObjectNode t = st.themes.get(i);
                if (t == null || !name.equals(JsonNodes.text(t, "name"))) continue;
                if (t.hasNonNull("end_at")) throw ApiError.validation("name", "invalid", "A theme with an end_at cannot be the default");
                st.instance.defaultTheme.set(JsonNodes.text(t, "id"));
                return ApiResponse.ok(Shaper.shape("Theme", t));
            }
            throw ApiError.notFound();
        });
    }

    /** 204 when create_theme would accept the body, else 422 naming every field at fault. */
    private ApiResponse validateTheme(ApiRequest r) {
        JsonNode b = body(r);
        ArrayNode errors = JsonNodes.arr();
        JsonNode name = b.get("name");
        if (name == null || name.isNull() || name.asText().isBlank()) {
            errors.addObject().put("field", "name").put("code", "missing").put("message", "This field is required.");
        } else if (!NAME.matcher(name.asText()).matches()) {
            errors.addObject().put("field", "name").put("code", "invalid").put("message", "Theme names use letters, digits and _");
        }
        JsonNode font = b.path("settings").get("font_family");
        if (font != null && !font.isNull() && !FONT_FAMILY.matcher(font.asText()).matches()) {
            errors.addObject().put("field", "font_family").put("code", "invalid").put("message", "Invalid font family");
        }
        if (!errors.isEmpty()) throw new ApiError(422, "Validation Failed", errors);
        return ApiResponse.noContent();
    }

    private Listing.Spec themes(ApiRequest r, Filter f, boolean pageable) {
        return new Listing.Spec(st.themes, false, Trash.ANY, f, null, n -> Shaper.shape("Theme", n), pageable);
    }

    private ApiResponse createTheme(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "name");
        if (!NAME.matcher(b.get("name").asText()).matches()) throw ApiError.validation("name", "invalid", "Theme names use letters, digits and _");
        return st.write(() -> {
            for (long i = 1; i <= st.themes.maxId(); i++) {
                ObjectNode t = st.themes.get(i);
                if (t != null && b.get("name").asText().equals(JsonNodes.text(t, "name"))) throw ApiError.conflict("Theme already exists");
            }
            long id = st.themes.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id));
            Shaper.mergeWritable("Theme", b, n);
            n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            st.themes.put(id, n);
            return ApiResponse.ok(Shaper.shape("Theme", n));
        });
    }

    private ApiResponse updateTheme(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(st.themes, r.param("theme_id")).deepCopy();
            Shaper.mergeWritable("Theme", b, n);
            st.themes.put(id(JsonNodes.text(n, "id")), n);
            return ApiResponse.ok(Shaper.shape("Theme", n));
        });
    }

}
