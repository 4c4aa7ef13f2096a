package io.lookersim.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.http.SimHandler;
import io.lookersim.http.Tokens;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** login (form body; wrong credentials → 404), login_user, logout, versions, me. Thread-safe. */
public final class AuthOps extends OperationGroup {
    private final Tokens tokens;
    private final String clientId;
    private final String clientSecret;
    private final String baseUrl;

    public AuthOps(Store st, Views v, Tokens tokens, String clientId, String clientSecret, String baseUrl) {
        super(st, v);
        this.tokens = tokens;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.baseUrl = baseUrl;
    }

    public void register(Api api) {
        api.on("login", this::login).on("login_user", this::loginUser).on("logout", r -> ApiResponse.noContent())
                .on("versions", this::versions).on("me", r -> one(r, v.user(need(st.users, r.userId()))));
    }

    private ApiResponse login(ApiRequest r) {
        Map<String, String> form = SimHandler.parseQuery(new String(r.rawBody(), StandardCharsets.UTF_8));
        String id = form.getOrDefault("client_id", r.q("client_id"));
        String secret = form.getOrDefault("client_secret", r.q("client_secret"));
        if (!same(clientId, id) || !same(clientSecret, secret)) throw new ApiError(404, "Not found", null);
        return ApiResponse.ok(token("1"));
    }

    private ApiResponse loginUser(ApiRequest r) {
        if (!"1".equals(r.userId())) throw new ApiError(403, "Permission denied", null);
        need(st.users, r.param("user_id"));
        return ApiResponse.ok(token(r.param("user_id")));
    }

    private ObjectNode token(String user) {
        ObjectNode t = JsonNodes.obj().put("access_token", tokens.issue(user)).put("token_type", "Bearer")
                .put("expires_in", tokens.ttlSeconds());
        t.putNull("refresh_token");
        return t;
    }

    /** Constant-time comparison, so a wrong secret's timing says nothing. */
    private static boolean same(String expected, String given) {
        if (given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse versions(ApiRequest r) {
        ObjectNode n = JsonNodes.obj().put("looker_release_version", "26.12.3");
        ObjectNode cur = n.putObject("current_version");
        version(cur, "4.0", "4.0.26.12", "current");
        version(n.putArray("supported_versions").addObject(), "4.0", "4.0.26.12", "current");
        n.put("api_server_url", baseUrl).put("web_server_url", baseUrl);
        return one(r, Shaper.shape("ApiVersion", n));
    }

    private void version(ObjectNode o, String v, String full, String status) {
        o.put("version", v).put("full_version", full).put("status", status)
                .put("swagger_url", baseUrl + "/api/" + v + "/swagger.json");
    }
}
