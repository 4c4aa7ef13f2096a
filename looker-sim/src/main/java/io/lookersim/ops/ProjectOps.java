package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.InstanceGen;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Keyed;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;

/**
 * LookML projects and their git settings, and the API session's workspace they need: per the spec, creating or
 * changing a project needs the dev workspace (update_session). git_password and deploy_secret are write-only;
 * the deploy key is text/plain, made by create_git_deploy_key. Thread-safe.
 */
public final class ProjectOps extends OperationGroup {
    private static final String SCHEMA = "Project";

    public ProjectOps(Store st, Views v) {
        super(st, v);
    }

    private Keyed table() { return st.instance.projects; }

    public void register(Api api) {
        api.on("session", r -> ApiResponse.ok(session(r))).on("update_session", this::updateSession)
                .on("all_projects", r -> {
                    requireAdmin(r);
                    return Listing.ofList(r, table().all(), ProjectOps::view, false);
                })
                .on("project", r -> {
                    requireAdmin(r);
                    return one(r, view(need(r)));
                })
                .on("create_project", this::create).on("update_project", this::update)
                .on("git_deploy_key", r -> {
                    requireAdmin(r);
                    String key = JsonNodes.text(need(r), "deploy_key");
                    if (key == null) throw ApiError.notFound();
                    return ApiResponse.text(key);
                })
                .on("create_git_deploy_key", r -> {
                    requireAdmin(r);
                    return st.write(() -> {
                        ObjectNode n = need(r).deepCopy();
                        if (n.hasNonNull("deploy_key")) throw ApiError.conflict("The project already has a deploy key");
                        String key = InstanceGen.deployKey(st.instance.random, JsonNodes.text(n, "id"));
                        table().put(JsonNodes.text(n, "id"), n.put("deploy_key", key));
                        return ApiResponse.text(key);
                    });
                });
    }

    private ObjectNode session(ApiRequest r) {
        ObjectNode n = JsonNodes.obj().put("workspace_id", workspace(r)).putNull("sudo_user_id");
        n.set("can", JsonNodes.obj().put("view", true).put("update", true));
        return Shaper.shape("ApiSession", n);
    }

    private String workspace(ApiRequest r) { return st.instance.workspaces.getOrDefault(r.userId(), "production"); }

    private ApiResponse updateSession(ApiRequest r) {
        String w = JsonNodes.text(body(r), "workspace_id");
        if (w != null) {
            if (!w.equals("dev") && !w.equals("production")) throw ApiError.validation("workspace_id", "invalid", "Must be dev or production");
            st.instance.workspaces.put(r.userId(), w);
        }
        return ApiResponse.ok(session(r));
    }

    private void requireDev(ApiRequest r) {
        if (!workspace(r).equals("dev")) {
            throw ApiError.validation("workspace_id", "invalid", "Project changes need the dev workspace: PATCH /session {\"workspace_id\":\"dev\"} first");
        }
    }

    private ObjectNode need(ApiRequest r) {
        ObjectNode n = table().get(r.param("project_id"));
        if (n == null) throw ApiError.notFound();
        return n;
    }

    private ApiResponse create(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        require(b, "name");
        requireDev(r);
        if (b.hasNonNull("git_remote_url")) throw ApiError.validation("git_remote_url", "invalid", "git_remote_url is not allowed on create: set it with update_project");
        return st.write(() -> {
            String name = b.get("name").asText();
            if (!name.matches("[a-z0-9_]+")) throw ApiError.validation("name", "invalid", "Project names use a-z, 0-9 and _");
            if (table().get(name) != null) throw ApiError.conflict("A project named " + name + " already exists");
            ObjectNode n = JsonNodes.obj().put("id", name).put("git_production_branch_name", "master").put("pull_request_mode", "off")
                    .put("is_example", false).put("is_git_dev_locked", false).put("has_production_counterpart", false);
            absorb(b, n);
            table().put(name, n);
            return ApiResponse.ok(view(n));
        });
    }

    private ApiResponse update(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        requireDev(r);
        return st.write(() -> {
            ObjectNode n = need(r).deepCopy();
            absorb(b, n);
            n.put("id", r.param("project_id"));
            table().put(r.param("project_id"), n);
            return ApiResponse.ok(view(n));
        });
    }

    /** Writable fields; the secrets leave only whether they are set (the spec has no read flag for them). */
    private void absorb(JsonNode b, ObjectNode n) {
        mergeKeepingNoSecrets(SCHEMA, b, n);
        if (sets(b, "deploy_secret")) n.put("has_deploy_secret", true);
        if (b.path("unset_deploy_secret").asBoolean()) n.put("has_deploy_secret", false);
        if (sets(b, "git_password")) n.put("has_git_password", true);
        n.put("uses_git", n.hasNonNull("git_remote_url") || "bare".equals(JsonNodes.text(n, "git_service_name")));
    }

    private static ObjectNode view(ObjectNode p) {
        ObjectNode n = p.deepCopy();
        n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true).put("deploy", true));
        return Shaper.shape(SCHEMA, n);
    }
}
