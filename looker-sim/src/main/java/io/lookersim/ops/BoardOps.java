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
import io.lookersim.store.ItemTable;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import io.lookersim.store.Trash;
import java.util.ArrayList;
import java.util.List;

/** Boards with sections and items. Item titles/urls are derived from the dashboard or look they show. */
public final class BoardOps extends OperationGroup {
    private final FolderOps folders;

    public BoardOps(Store st, Views v, FolderOps folders) {
        super(st, v);
        this.folders = folders;
    }

    public void register(Api api) {
        api.on("all_boards", r -> Listing.list(r, new Listing.Spec(st.boards, false, Trash.ANY, Filter.of(r), null, this::board, false)))
                .on("search_boards", r -> Listing.list(r, new Listing.Spec(st.boards, false, Trash.ANY, Filter.of(r, "title", "title",
                        "created_at", "created_at", "creator_id", "user_id"), null, this::board, true)))
                .on("board", r -> one(r, board(need(st.boards, r.param("board_id")))))
                .on("create_board", this::createBoard)
                .on("update_board", r -> update(r, st.boards, "board_id", "Board", this::board))
                .on("delete_board", r -> st.write(() -> {
                    ObjectNode b = need(st.boards, r.param("board_id"));
                    for (long s : st.sections.children(JsonNodes.text(b, "id"))) deleteSection(s);
                    st.boards.remove(id(JsonNodes.text(b, "id")));
                    return ApiResponse.noContent();
                }))
                .on("all_board_sections", r -> Listing.ofList(r, all(st.sections, st.boards), this::section, false))
                .on("board_section", r -> one(r, section(need(st.sections, r.param("board_section_id")))))
                .on("create_board_section", r -> createChild(r, st.sections, "board_id", st.boards, "BoardSection", this::section))
                .on("update_board_section", r -> update(r, st.sections, "board_section_id", "BoardSection", this::section))
                .on("delete_board_section", r -> st.write(() -> {
                    deleteSection(id(JsonNodes.text(need(st.sections, r.param("board_section_id")), "id")));
                    return ApiResponse.noContent();
                }))
                .on("all_board_items", this::allItems)
                .on("board_item", r -> one(r, item(need(st.items, r.param("board_item_id")))))
                .on("create_board_item", r -> createChild(r, st.items, "board_section_id", st.sections, "BoardItem", this::item))
                .on("update_board_item", r -> update(r, st.items, "board_item_id", "BoardItem", this::item))
                .on("delete_board_item", r -> st.write(() -> {
                    need(st.items, r.param("board_item_id"));
                    st.items.remove(id(r.param("board_item_id")));
                    return ApiResponse.noContent();
                }));
    }

    private List<ObjectNode> all(ItemTable child, ItemTable parent) {
        List<ObjectNode> out = new ArrayList<>();
        for (long p = 1; p <= parent.maxId(); p++) {
            if (parent.get(p) == null) continue;
            for (long c : child.children(s(p))) out.add(child.get(c));
        }
        return out;
    }

    private ApiResponse allItems(ApiRequest r) {
        String section = r.q("board_section_id");
        if (section == null) return Listing.ofList(r, all(st.items, st.sections), this::item, false);
        List<ObjectNode> out = new ArrayList<>();
        for (long c : st.items.children(section)) out.add(st.items.get(c));
        return Listing.ofList(r, out, this::item, false);
    }

    ObjectNode board(ObjectNode b) {
        ObjectNode n = b.deepCopy();
        ArrayNode secs = n.putArray("board_sections");
        for (long s : st.sections.children(JsonNodes.text(b, "id"))) secs.add(section(st.sections.get(s)));
        return Shaper.shape("Board", n);
    }

    ObjectNode section(ObjectNode s) {
        ObjectNode n = s.deepCopy();
        ArrayNode items = n.putArray("board_items");
        ArrayNode visible = n.putArray("visible_item_order");
        for (long i : st.items.children(JsonNodes.text(s, "id"))) {
            items.add(item(st.items.get(i)));
            visible.add(s(i));
        }
        return Shaper.shape("BoardSection", n);
    }

    ObjectNode item(ObjectNode i) {
        ObjectNode n = i.deepCopy();
        ObjectNode target = i.hasNonNull("dashboard_id") ? st.dashboards.get(JsonNodes.text(i, "dashboard_id")) : st.looks.get(JsonNodes.text(i, "look_id"));
        String kind = i.hasNonNull("dashboard_id") ? "dashboards" : "looks";
        if (target != null) {
            n.put("title", JsonNodes.text(target, "title")).put("description", JsonNodes.text(target, "description"))
                    .put("content_metadata_id", JsonNodes.text(target, "content_metadata_id")).put("content_updated_at", JsonNodes.text(target, "updated_at"))
                    .put("view_count", target.path("view_count").asInt()).put("favorite_count", target.path("favorite_count").asInt())
                    .put("location", JsonNodes.text(st.folders.get(JsonNodes.text(target, "folder_id")), "name"))
                    .put("content_created_by", JsonNodes.text(st.users.get(JsonNodes.text(target, "user_id")), "display_name"));
        }
        n.put("url", "/" + kind + "/" + (target == null ? "" : JsonNodes.text(target, "id")));
        return Shaper.shape("BoardItem", n);
    }

    private ApiResponse createBoard(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "title");
        return st.write(() -> {
            long id = st.boards.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("user_id", r.userId()).put("primary_homepage", false);
            Shaper.mergeWritable("Board", b, n);
            n.put("created_at", st.nowIso()).put("updated_at", st.nowIso())
                    .put("content_metadata_id", s(folders.newContentMeta("board_id", id, "board")));
            if (!n.path("section_order").isArray()) n.set("section_order", JsonNodes.arr());
            n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            st.boards.put(id, n);
            return one(r, board(n));
        });
    }

    private ApiResponse createChild(ApiRequest r, ItemTable t, String parentField, ItemTable parent, String schema,
                                    java.util.function.Function<ObjectNode, ObjectNode> render) {
        JsonNode b = body(r);
        require(b, parentField);
        return st.write(() -> {
            if (parent.get(b.get(parentField).asText()) == null) throw ApiError.validation(parentField, "invalid", "Not found");
            if (t == st.items && !b.hasNonNull("dashboard_id") && !b.hasNonNull("look_id") && !b.hasNonNull("lookml_dashboard_id")) {
                throw ApiError.missing("dashboard_id");
            }
            long id = t.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("use_custom_description", false).put("use_custom_title", false)
                    .put("use_custom_url", false).put("use_custom_image", false);
            Shaper.mergeWritable(schema, b, n);
            n.remove("custom_image_data_base64");
            n.put("created_at", st.nowIso()).put("updated_at", st.nowIso());
            n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            t.put(id, n);
            if (t == st.sections) appendOrder(parent, b.get(parentField).asText(), "section_order", id);
            if (t == st.items) appendOrder(parent, b.get(parentField).asText(), "item_order", id);
            return one(r, render.apply(n));
        });
    }

    /** Keeps the parent's order list in step with its children (a new child goes last). */
    private void appendOrder(ItemTable parent, String parentId, String field, long child) {
        ObjectNode p = parent.get(parentId).deepCopy();
        ArrayNode order = p.path(field).isArray() ? (ArrayNode) p.get(field) : p.putArray(field);
        order.add(s(child));
        p.put("updated_at", st.nowIso());
        parent.put(id(parentId), p);
    }

    private ApiResponse update(ApiRequest r, ItemTable t, String param, String schema, java.util.function.Function<ObjectNode, ObjectNode> render) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(t, r.param(param)).deepCopy();
            Shaper.mergeWritable(schema, b, n);
            n.remove("custom_image_data_base64");
            n.remove("board_sections");
            n.remove("board_items");
            if (n.has("updated_at") || t == st.boards) n.put("updated_at", st.nowIso());
            t.put(id(JsonNodes.text(n, "id")), n);
            return one(r, render.apply(n));
        });
    }

    private void deleteSection(long s) {
        for (long i : st.items.children(s(s))) st.items.remove(i);
        st.sections.remove(s);
    }
}
