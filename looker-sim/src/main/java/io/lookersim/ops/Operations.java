package io.lookersim.ops;

import io.lookersim.api.Api;
import io.lookersim.http.Tokens;
import io.lookersim.store.Store;

/** Wires every operation group into one operation table. */
public final class Operations {
    private Operations() {}

    /** Everything the admin surface needs to mutate content the same way the API does. */
    public record Wired(Api api, DashboardOps dashboards, LookOps looks, FolderOps folders) {}

    public static Wired wire(Store st, Tokens tokens, String clientId, String clientSecret, String baseUrl) {
        Views v = new Views(st, clientId);
        Api api = new Api();
        ModelOps models = new ModelOps(st, v);
        DashboardOps dashboards = new DashboardOps(st, v);
        LookOps looks = new LookOps(st, v, models);
        FolderOps folders = new FolderOps(st, v, dashboards, looks);
        dashboards.setFolders(folders);
        looks.setFolders(folders);
        new AuthOps(st, v, tokens, clientId, clientSecret, baseUrl).register(api);
        dashboards.register(api);
        new PartOps(st, v, looks).register(api);
        looks.register(api);
        folders.register(api);
        models.register(api);
        new ThemeOps(st, v).register(api);
        new ColorCollectionOps(st, v).register(api);
        new UserOps(st, v, folders).register(api);
        new GroupRoleOps(st, v).register(api);
        new AccessOps(st, v).register(api);
        new BoardOps(st, v, folders).register(api);
        new PlanAlertOps(st, v).register(api);
        new ContentValidationOps(st, v).register(api);
        new ConnectionOps(st, v).register(api);
        new SshOps(st, v).register(api);
        new ProjectOps(st, v).register(api);
        new AuthConfigOps(st, v).register(api);
        new SettingOps(st, v).register(api);
        new IntegrationOps(st, v).register(api);
        new OauthAppOps(st, v).register(api);
        return new Wired(api, dashboards, looks, folders);
    }
}
