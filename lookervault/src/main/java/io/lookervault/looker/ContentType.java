package io.lookervault.looker;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of content types LookerVault backs up: for each, how Looker lists it, how one item is
 * fetched, and what identifies it. The paths and parameters follow the official API 4.0 spec in
 * {@code spec/looker-api}; {@code ContentTypeSpecTest} checks them against it.
 */
public enum ContentType {
    DASHBOARDS("dashboards", "/dashboards/search", Map.of(), Paging.OFFSET_LIMIT, "/dashboards/{id}", "id",
            true, true, true),
    /**
     * Dashboards defined in LookML (ids {@code model::name}): only all_dashboards lists them, beside every
     * user-defined dashboard, so the listing keeps the {@code ::} ids ({@link #lists}); each is read with its
     * elements and filters by one GET. They carry no {@code updated_at} and live in no folder of their own.
     */
    LOOKML_DASHBOARDS("lookml_dashboards", "/dashboards", Map.of(), Paging.NONE, "/dashboards/{id}", "id",
            false, false, false),
    LOOKS("looks", "/looks/search", Map.of(), Paging.OFFSET_LIMIT, "/looks/{id}", "id", true, true, true),
    FOLDERS("folders", "/folders/search", Map.of(), Paging.OFFSET_LIMIT, "/folders/{id}", "id", false, true, false),
    USERS("users", "/users", Map.of(), Paging.OFFSET_LIMIT, "/users/{id}", "id", false, false, false),
    GROUPS("groups", "/groups/search", Map.of(), Paging.OFFSET_LIMIT, "/groups/{id}", "id", false, false, false),
    ROLES("roles", "/roles/search", Map.of(), Paging.OFFSET_LIMIT, "/roles/{id}", "id", false, false, false),
    PERMISSION_SETS("permission_sets", "/permission_sets/search", Map.of(), Paging.OFFSET_LIMIT,
            "/permission_sets/{id}", "id", false, false, false),
    MODEL_SETS("model_sets", "/model_sets/search", Map.of(), Paging.OFFSET_LIMIT, "/model_sets/{id}", "id",
            false, false, false),
    USER_ATTRIBUTES("user_attributes", "/user_attributes", Map.of(), Paging.NONE, "/user_attributes/{id}", "id",
            false, false, false),
    LOOKML_MODELS("lookml_models", "/lookml_models", Map.of(), Paging.OFFSET_LIMIT, "/lookml_models/{id}", "name",
            false, false, false),
    BOARDS("boards", "/boards/search", Map.of(), Paging.OFFSET_LIMIT, "/boards/{id}", "id", true, false, false),
    SCHEDULED_PLANS("scheduled_plans", "/scheduled_plans", Map.of("all_users", "true"), Paging.NONE,
            "/scheduled_plans/{id}", "id", true, false, false),
    ALERTS("alerts", "/alerts/search", Map.of("all_owners", "true"), Paging.OFFSET_LIMIT, "/alerts/{id}", "id",
            false, false, false),
    // the instance (issue #11): what makes content work in a new Looker; admin objects, each whole in its list row
    SSH_SERVERS("ssh_servers", "/ssh_servers", "/ssh_server/{id}", "ssh_server_id", "administer"),
    SSH_TUNNELS("ssh_tunnels", "/ssh_tunnels", "/ssh_tunnel/{id}", "tunnel_id", "administer"),
    CONNECTIONS("connections", "/connections", "/connections/{id}", "name", "administer (or see_database_connections)"),
    PROJECTS("projects", "/projects", "/projects/{id}", "id", "develop (or see_lookml)"),
    THEMES("themes", "/themes", "/themes/{id}", "id", "administer"),
    /** Custom collections only: the standard ones are built into every Looker under the same ids. */
    COLOR_COLLECTIONS("color_collections", "/color_collections/custom", "/color_collections/{id}", "/color_collections",
            "id", "administer"),
    /** Datagroups come from LookML: never created, only their trigger fields patched. */
    DATAGROUPS("datagroups", "/datagroups", "/datagroups/{id}", null, "id", "see_datagroups (update_datagroups to restore)"),
    INTEGRATION_HUBS("integration_hubs", "/integration_hubs", "/integration_hubs/{id}", "id", "administer"),
    /** A hub's integrations: they come with the hub, never created, only enabled and given their params. */
    INTEGRATIONS("integrations", "/integrations", "/integrations/{id}", null, "id", "administer"),
    /** Registered under the client_guid the admin chose: POST /oauth_client_apps/{client_guid}. */
    OAUTH_CLIENT_APPS("oauth_client_apps", "/oauth_client_apps", "/oauth_client_apps/{id}", "/oauth_client_apps",
            "client_guid", "administer"),
    /** No GET of one: the list is whole; written (PATCH) by client_id, referenced by connections by id. */
    EXTERNAL_OAUTH_APPLICATIONS("external_oauth_applications", "/external_oauth_applications",
            "/external_oauth_applications/{id}", "/external_oauth_applications", "id", "administer"),
    // singletons: one document each, at a fixed path; its id is the path's name
    SAML_CONFIG("saml_config", List.of("saml_config"), "administer"),
    OIDC_CONFIG("oidc_config", List.of("oidc_config"), "administer"),
    LDAP_CONFIG("ldap_config", List.of("ldap_config"), "administer"),
    /** The instance's settings documents (the spec has no GET for internal_help_resources, only its content). */
    SETTINGS("settings", List.of("setting", "session_config", "password_config", "custom_welcome_email",
            "internal_help_resources_content", "digest_emails_enabled", "cloud_storage"), "administer"),
    /** Which theme and which colour collection are the instance's defaults (set by PUT, not PATCH). */
    DEFAULTS("defaults", List.of("themes/default", "color_collections/default"), "administer");

    /** How a type's list endpoint pages. */
    public enum Paging {
        /** No list: a fixed set of documents, each at {@code /<id>} ({@link #fixedIds()}). */
        FIXED,
        /** {@code limit}/{@code offset} with {@code sorts}; stop on a short page. */
        OFFSET_LIMIT,
        /** One call returns the whole list. */
        NONE
    }

    private final String key;
    private final String listPath;
    private final Map<String, String> listQuery;
    private final Paging paging;
    private final String getPathTemplate;
    private final String idField;
    private final boolean hasUpdatedAt;
    private final boolean folderScoped;
    private final boolean supportsDeleted;
    private final String permission;
    private final boolean instance;
    private final List<String> fixedIds;
    /** Where items are created (POST); null: never created, only matched and patched. */
    private final String collection;

    ContentType(String key, String listPath, Map<String, String> listQuery, Paging paging, String getPathTemplate,
                String idField, boolean hasUpdatedAt, boolean folderScoped, boolean supportsDeleted) {
        this.key = key;
        this.listPath = listPath;
        this.listQuery = listQuery;
        this.paging = paging;
        this.getPathTemplate = getPathTemplate;
        this.idField = idField;
        this.hasUpdatedAt = hasUpdatedAt;
        this.folderScoped = folderScoped;
        this.supportsDeleted = supportsDeleted;
        this.permission = "access to all content (see_looks, see_user_dashboards)";
        this.instance = false;
        this.fixedIds = List.of();
        this.collection = getPathTemplate.substring(0, getPathTemplate.lastIndexOf("/{id}"));
    }

    /** An instance type: one unpaged list of whole items, no change marker, no folders, no trash. */
    ContentType(String key, String listPath, String getPathTemplate, String idField, String permission) {
        this(key, listPath, getPathTemplate, listPath, idField, permission); // POST /ssh_servers, GET /ssh_server/{id}
    }

    /** An instance type created elsewhere than its list path ({@code collection}; null: never created). */
    ContentType(String key, String listPath, String getPathTemplate, String collection, String idField,
                String permission) {
        this.key = key;
        this.listPath = listPath;
        this.listQuery = Map.of();
        this.paging = Paging.NONE;
        this.getPathTemplate = getPathTemplate;
        this.idField = idField;
        this.hasUpdatedAt = false;
        this.folderScoped = false;
        this.supportsDeleted = false;
        this.permission = permission;
        this.instance = true;
        this.fixedIds = List.of();
        this.collection = collection;
    }

    /** A type of fixed documents: each id is the path of one singleton ({@code /saml_config}). */
    ContentType(String key, List<String> fixedIds, String permission) {
        this.key = key;
        this.listPath = "/" + fixedIds.get(0);
        this.listQuery = Map.of();
        this.paging = Paging.FIXED;
        this.getPathTemplate = "/{id}";
        this.idField = "id";
        this.hasUpdatedAt = false;
        this.folderScoped = false;
        this.supportsDeleted = false;
        this.permission = permission;
        this.instance = true;
        this.fixedIds = fixedIds;
        this.collection = null;
    }

    /** For a {@link Paging#FIXED} type, the ids of its documents (each read at {@code /<id>}); else empty. */
    public List<String> fixedIds() {
        return fixedIds;
    }

    /** The name used on the command line, in the vault and in JSON output, e.g. {@code permission_sets}. */
    public String key() {
        return key;
    }

    /** The list operation's path relative to /api/4.0. */
    public String listPath() {
        return listPath;
    }

    /** Fixed query parameters of the list call, e.g. {@code all_users=true} for scheduled plans. */
    public Map<String, String> listQuery() {
        return listQuery;
    }

    public Paging paging() {
        return paging;
    }

    /** The path that fetches one full item. */
    public String getPath(String id) {
        if (paging == Paging.FIXED) {
            return ApiPath.of((Object[]) id.split("/")); // a catalogue constant such as themes/default: its segments
        }
        return getPathTemplate.replace("{id}", PathSegments.encode(id));
    }

    /**
     * The collection path items are created in ({@code POST}), e.g. {@code /dashboards}; none for singletons,
     * which are only patched where they are.
     */
    public String collectionPath() {
        return collection != null ? collection : getPathTemplate.substring(0, getPathTemplate.lastIndexOf("/{id}"));
    }

    /** Whether the API reads one item at {@link #getPath}: external OAuth applications are only listed. */
    public boolean readableOne() {
        return this != EXTERNAL_OAUTH_APPLICATIONS;
    }

    /** Whether restore may create missing items (datagroups and integrations come from LookML and hubs). */
    public boolean creatable() {
        return paging != Paging.FIXED && (collection != null || !instance);
    }

    /** The path of one item's sub-resource, e.g. {@code /users/7/roles}; every segment encoded. */
    public String subPath(String id, String... rest) {
        Object[] segs = new Object[rest.length + 1];
        segs[0] = id;
        System.arraycopy(rest, 0, segs, 1, rest.length);
        return collectionPath() + ApiPath.of(segs);
    }

    /** The JSON field that holds an item's id ({@code name} for LookML models). */
    public String idField() {
        return idField;
    }

    /** Whether items carry an {@code updated_at} that changes on every edit. */
    public boolean hasUpdatedAt() {
        return hasUpdatedAt;
    }

    /** Whether items live in folders (and so {@code --folder-ids} narrows them). */
    public boolean folderScoped() {
        return folderScoped;
    }

    /**
     * Whether a list row is the whole item, so the row is stored without a GET of its own: the list
     * operation answers the same schema as the GET ({@code ContentTypeSpecTest} holds that to the spec).
     * Looks are fetched one by one because their list rows lack the query ({@code Look}, not
     * {@code LookWithQuery}); dashboards, whose search does answer {@code Dashboard}, too: Looker builds
     * every element, filter and layout of a dashboard per request, so full pages of them are the heaviest
     * answers a Looker can be asked for, and listing only {@code id,updated_at} keeps change detection cheap.
     */
    public boolean listCarriesItem() {
        return this != DASHBOARDS && this != LOOKS && this != LOOKML_DASHBOARDS;
    }

    /**
     * Whether a row of this type's listing is one of its items: all_dashboards lists user-defined dashboards too,
     * which {@link #DASHBOARDS} backs up from search_dashboards; a LookML dashboard's id has {@code ::}.
     */
    public boolean lists(com.fasterxml.jackson.databind.JsonNode row) {
        return this != LOOKML_DASHBOARDS || row.path(idField).asText().contains("::");
    }

    /** Whether Looker keeps trashed items, listed with {@code deleted=true}. */
    public boolean supportsDeleted() {
        return supportsDeleted;
    }

    /**
     * The {@code sorts} value that keeps this type's list pages stable, or empty when its list operation
     * takes no {@code sorts} (alerts, LookML models) or is not paged.
     */
    public Optional<String> listSort() {
        if (paging != Paging.OFFSET_LIMIT || this == ALERTS || this == LOOKML_MODELS) {
            return Optional.empty();
        }
        return Optional.of("id");
    }

    /** The stable sort for paging {@code listPath}: a catalogue type's {@link #listSort()}, else {@code id}. */
    public static Optional<String> sortFor(String listPath) {
        return Arrays.stream(values()).filter(t -> t.paging != Paging.FIXED && t.listPath.equals(listPath)).findFirst()
                .map(ContentType::listSort).orElse(Optional.of("id"));
    }

    /** The Looker permission an API user needs to list this type: what a 403 on its list tells the user to grant. */
    public String permission() {
        return permission;
    }

    /** The types of the instance itself (issue #11) rather than of its content. */
    public boolean instance() {
        return instance;
    }

    public static Optional<ContentType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equalsIgnoreCase(key)).findFirst();
    }
}
