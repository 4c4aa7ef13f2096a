package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.QueryGen;
import io.lookersim.gen.Words;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Filter;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import io.lookersim.store.Trash;

/** Looks, queries (immutable, de-duplicated) and merge queries. Thread-safe. */
public final class LookOps extends OperationGroup {
    private FolderOps folders;
    private final ModelOps models;

    public LookOps(Store st, Views v, ModelOps models) {
        super(st, v);
        this.models = models;
    }

    void setFolders(FolderOps f) { this.folders = f; }

    public void register(Api api) {
        api.on("all_looks", r -> Listing.list(r, new Listing.Spec(st.looks, true, Trash.EXCLUDE, Filter.of(r), null, v::look, false)))
                .on("search_looks", this::search)
                .on("look", r -> one(r, v.lookWithQuery(need(st.looks, r.param("look_id")))))
                .on("create_look", this::create).on("update_look", this::update).on("move_look", this::move)
                .on("delete_look", r -> st.write(() -> {
                    deleteLook(id(JsonNodes.text(need(st.looks, r.param("look_id")), "id")));
                    return ApiResponse.noContent();
                }))
                .on("query", r -> one(r, v.query(need(st.queries, r.param("query_id")))))
                .on("create_query", r -> st.write(() -> one(r, v.query(st.queries.get(createQuery(body(r)))))))
                .on("merge_query", r -> one(r, Shaper.shape("MergeQuery", need(st.mergeQueries, r.param("merge_query_id")))))
                .on("create_merge_query", this::createMerge);
    }

    private ApiResponse search(ApiRequest r) {
        Filter f = Filter.of(r, "id", "id", "title", "title", "description", "description", "content_favorite_id", "content_favorite_id",
                "folder_id", "folder_id", "user_id", "user_id", "view_count", "view_count", "query_id", "query_id",
                "last_viewed_at", "last_viewed_at");
        Trash t = r.qBool("deleted") ? Trash.ONLY : Trash.EXCLUDE;
        return Listing.list(r, new Listing.Spec(st.looks, true, t, f, null, v::look, true));
    }

    /** Returns the id of the existing identical query, or creates it. Caller holds the write lock. */
    String createQuery(JsonNode body) {
        JsonNode b = body == null ? JsonNodes.obj() : body;
        require(b, "model", "view");
        String model = b.get("model").asText();
        if (!models.exists(model)) throw ApiError.validation("model", "invalid", "Model '" + model + "' not found");
        ObjectNode q = JsonNodes.obj();
        Shaper.mergeWritable("Query", b, q);
        String k = dedupKey(q);
        indexGenerated();
        Long existing = st.queryDedup.get(k);
        if (existing != null) return s(existing);
        long id = st.queries.newId();
        q.put("id", s(id));
        if (!q.hasNonNull("client_id")) q.put("client_id", Words.slug(st.plan.seed(), 555, id));
        QueryGen.decorate(q, Words.slug(st.plan.seed(), 556, id).substring(0, 7), model, b.get("view").asText());
        st.queries.put(id, q);
        st.queryDedup.put(k, id);
        return s(id);
    }

    /** Identity of a query for de-duplication: its writable properties except client_id (unique per creation). */
    private static String dedupKey(ObjectNode writable) {
        ObjectNode key = Shaper.shape("Query", writable);
        for (String ro : new String[]{"can", "id", "slug", "share_url", "expanded_share_url", "url", "has_table_calculations", "client_id"}) {
            key.remove(ro);
        }
        return key.toString();
    }

    /** On the first create_query, indexes the (few thousand) generated queries so that their twins are found. */
    private void indexGenerated() {
        if (st.queryDedup.containsKey("#indexed")) return;
        for (long id = 1; id <= st.queries.baseMax(); id++) {
            ObjectNode w = JsonNodes.obj();
            Shaper.mergeWritable("Query", st.queryGen.query(id), w);
            st.queryDedup.putIfAbsent(dedupKey(w), id);
        }
        st.queryDedup.put("#indexed", 0L);
    }

    private ApiResponse createMerge(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            for (JsonNode sq : b.path("source_queries")) {
                if (sq.hasNonNull("query_id") && st.queries.get(sq.get("query_id").asText()) == null) {
                    throw ApiError.validation("source_queries", "invalid", "Query " + sq.get("query_id").asText() + " not found");
                }
            }
            long id = st.mergeQueries.newId();
            ObjectNode m = JsonNodes.obj().put("id", s(id)).put("total", false);
            Shaper.mergeWritable("MergeQuery", b, m);
            m.put("result_maker_id", s(id));
            m.set("can", JsonNodes.obj().put("show", true).put("create", true));
            st.mergeQueries.put(id, m);
            return one(r, Shaper.shape("MergeQuery", m));
        });
    }

    private ApiResponse create(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "title");
        return st.write(() -> {
            String folder = b.hasNonNull("folder_id") ? b.get("folder_id").asText() : JsonNodes.text(st.users.get(r.userId()), "personal_folder_id");
            if (st.folders.get(folder) == null) throw ApiError.validation("folder_id", "invalid", "Folder not found");
            String query = b.hasNonNull("query_id") ? b.get("query_id").asText() : b.path("query").isObject() ? createQuery(b.get("query")) : null;
            if (query == null) throw ApiError.missing("query_id");
            if (st.queries.get(query) == null) throw ApiError.validation("query_id", "invalid", "Query not found");
            titleFree(folder, b.get("title").asText(), -1);
            long id = st.looks.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("deleted", false).put("is_run_on_load", false).put("public", false)
                    .put("user_id", r.userId()).put("view_count", 0).put("favorite_count", 0);
            Shaper.mergeWritable("LookWithQuery", b, n);
            n.remove("query");
            n.remove("folder");
            n.put("folder_id", folder).put("query_id", query).put("created_at", st.nowIso()).put("updated_at", st.nowIso())
                    .put("last_updater_id", r.userId()).put("content_metadata_id", s(folders.newContentMeta("look_id", id, "look")));
            n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true).put("run", true).put("move", true));
            st.looks.put(id, n);
            return one(r, v.lookWithQuery(n));
        });
    }

    private void titleFree(String folder, String title, long self) {
        for (long l : st.looks.children(folder)) {
            ObjectNode o = st.looks.get(l);
            if (l != self && !o.path("deleted").asBoolean() && title.equals(JsonNodes.text(o, "title"))) {
                throw ApiError.conflict("Look with this title already exists in the folder");
            }
        }
    }

    private ApiResponse update(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(st.looks, r.param("look_id")).deepCopy();
            boolean was = n.path("deleted").asBoolean();
            Shaper.mergeWritable("LookWithQuery", b, n);
            if (!b.hasNonNull("query_id") && b.path("query").isObject()) n.put("query_id", createQuery(b.get("query")));
            n.remove("query");
            n.remove("folder");
            if (st.queries.get(JsonNodes.text(n, "query_id")) == null) throw ApiError.validation("query_id", "invalid", "Query not found");
            if (st.folders.get(JsonNodes.text(n, "folder_id")) == null) throw ApiError.validation("folder_id", "invalid", "Folder not found");
            if (b.hasNonNull("title")) titleFree(JsonNodes.text(n, "folder_id"), b.get("title").asText(), id(JsonNodes.text(n, "id")));
            touch(n, r.userId(), was);
            st.looks.put(id(JsonNodes.text(n, "id")), n);
            return one(r, v.lookWithQuery(n));
        });
    }

    private void touch(ObjectNode n, String user, boolean was) {
        n.put("updated_at", st.nowIso()).put("last_updater_id", user);
        boolean del = n.path("deleted").asBoolean();
        if (del && !was) n.put("deleted_at", st.nowIso()).put("deleter_id", user);
        if (!del) n.putNull("deleted_at").putNull("deleter_id");
    }

    private ApiResponse move(ApiRequest r) {
        String folder = r.q("folder_id");
        if (folder == null) throw ApiError.missing("folder_id");
        return st.write(() -> {
            ObjectNode n = need(st.looks, r.param("look_id")).deepCopy();
            if (st.folders.get(folder) == null) throw ApiError.notFound();
            n.put("folder_id", folder);
            touch(n, r.userId(), n.path("deleted").asBoolean());
            st.looks.put(id(JsonNodes.text(n, "id")), n);
            return one(r, v.lookWithQuery(n));
        });
    }

    /** Permanent delete. Caller holds the write lock. */
    void deleteLook(long id) { st.looks.remove(id); }
}
