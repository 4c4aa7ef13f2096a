package io.lookersim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.gen.AccessGen;
import io.lookersim.gen.BoardGen;
import io.lookersim.gen.ColorCollections;
import io.lookersim.gen.ContentGen;
import io.lookersim.gen.DatagroupGen;
import io.lookersim.gen.IdentityGen;
import io.lookersim.gen.InstanceLayout;
import io.lookersim.gen.QueryGen;
import io.lookersim.gen.ScheduleGen;
import io.lookersim.gen.ThemeGen;
import io.lookersim.json.JsonNodes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All simulated state: one ItemTable per collection, many-to-many relations, the write clock. Reads are lock-free
 * (copy-on-write nodes in concurrent maps); every write runs under {@link #write}, one at a time. Thread-safe.
 */
public final class Store {
    public final InstanceLayout plan;
    public final ContentGen content;
    public final QueryGen queryGen;
    public final IdentityGen ident;
    public final BoardGen boardGen;
    public final ScheduleGen scheduleGen;
    public final AccessGen accessGen;
    public final DatagroupGen datagroupGen;
    public final ItemTable dashboards, elements, filters, layouts, components, looks, queries, mergeQueries, folders, users,
            groups, roles, permSets, modelSets, attrs, boards, sections, items, plans, alerts, accesses, themes, contentMeta;
    public final Relation groupUsers, groupGroups, roleGroups, roleUsers;
    /** Connections, projects, SSO and settings: the instance beyond its content. */
    public final InstanceTables instance;
    /** attribute id → group values (replaced wholesale by set_user_attribute_group_values). */
    public final Map<Long, com.fasterxml.jackson.databind.node.ArrayNode> groupValues = new ConcurrentHashMap<>();
    /** "user:attr" → value, or null entry meaning explicitly deleted. */
    public final Map<String, String> userValues = new ConcurrentHashMap<>();
    public final Map<String, ObjectNode> lookmlModels = new ConcurrentHashMap<>();
    /** Id of the instance's default color collection (set_default_color_collection changes it). */
    public final java.util.concurrent.atomic.AtomicReference<String> defaultColorCollection =
            new java.util.concurrent.atomic.AtomicReference<>(ColorCollections.DEFAULT);
    public final Map<String, Long> queryDedup = new ConcurrentHashMap<>();
    /** Test hook: the write-only values the simulator was sent (Looker keeps them; the API never answers them). */
    public final SecretsReceived secretsReceived = new SecretsReceived();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong writes = new AtomicLong();

    public Store(long seed, int scale) {
        InstanceLayout p = InstanceLayout.of(seed, scale);
        this.plan = p;
        content = new ContentGen(p);
        queryGen = new QueryGen(p, content);
        ident = new IdentityGen(p);
        boardGen = new BoardGen(p);
        scheduleGen = new ScheduleGen(p, content);
        accessGen = new AccessGen(p);
        datagroupGen = new DatagroupGen(p);
        long d = p.dashboards();
        dashboards = new ItemTable("dashboards", d, d + 1, content::dashboard, "folder_id", f -> p.contentIn(f, d));
        elements = new ItemTable("dashboard_elements", p.firstNewElement() - 1, p.firstNewElement(), content::element,
                "dashboard_id", x -> x <= d ? dashParts(x, InstanceLayout.ELEM_SLOTS, content.elementCount(x)) : new long[0]);
        filters = new ItemTable("dashboard_filters", (d + 1) * InstanceLayout.FILTER_SLOTS - 1, (d + 1) * InstanceLayout.FILTER_SLOTS, content::filter,
                "dashboard_id", x -> x <= d ? dashParts(x, InstanceLayout.FILTER_SLOTS, content.filterCount(x)) : new long[0]);
        layouts = new ItemTable("dashboard_layouts", d, d + 1, content::layout, "dashboard_id", x -> x <= d ? new long[]{x} : new long[0]);
        components = new ItemTable("dashboard_layout_components", p.firstNewElement() - 1, p.firstNewElement(), content::component,
                "dashboard_layout_id", x -> x <= d ? dashParts(x, InstanceLayout.ELEM_SLOTS, content.elementCount(x)) : new long[0]);
        looks = new ItemTable("looks", p.looks(), p.looks() + 1, content::look, "folder_id", f -> p.contentIn(f, p.looks()));
        queries = new ItemTable("queries", p.firstNewQuery() - 1, p.firstNewQuery(), queryGen::query, null, null);
        mergeQueries = new ItemTable("merge_queries", p.firstNewElement() - 1, p.firstNewElement(), queryGen::mergeQuery, null, null);
        folders = new ItemTable("folders", p.folderMax(), p.folderMax() + 1, ident::folder, "parent_id", p::folderChildren);
        users = new ItemTable("users", p.userMax(), p.userMax() + 1, ident::user, null, null);
        groups = new ItemTable("groups", p.groups(), p.groups() + 1, ident::group, null, null);
        roles = new ItemTable("roles", p.roleMax(), p.roleMax() + 1, ident::role, null, null);
        permSets = new ItemTable("permission_sets", p.permSetMax(), p.permSetMax() + 1, ident::permissionSet, null, null);
        modelSets = new ItemTable("model_sets", p.modelSetMax(), p.modelSetMax() + 1, ident::modelSet, null, null);
        attrs = new ItemTable("user_attributes", p.attrMax(), p.attrMax() + 1, ident::userAttribute, null, null);
        boards = new ItemTable("boards", p.boards(), p.boards() + 1, boardGen::board, null, null);
        sections = new ItemTable("board_sections", p.firstNewSection() - 1, p.firstNewSection(), boardGen::section, "board_id",
                b -> b <= p.boards() ? dashParts(b, InstanceLayout.SECTION_SLOTS, boardGen.sectionCount(b)) : new long[0]);
        items = new ItemTable("board_items", p.firstNewItem() - 1, p.firstNewItem(), boardGen::item, "board_section_id",
                s -> boardGen.section(s) != null ? dashParts(s, InstanceLayout.ITEM_SLOTS, boardGen.itemCount(s)) : new long[0]);
        plans = new ItemTable("scheduled_plans", p.plans(), p.plans() + 1, scheduleGen::plan, null, null);
        alerts = new ItemTable("alerts", p.alerts(), p.alerts() + 1, scheduleGen::alert, null, null);
        accesses = new ItemTable("content_metadata_accesses", (p.folderMax() + 1) * InstanceLayout.ACCESS_SLOTS - 1,
                (p.folderMax() + 1) * InstanceLayout.ACCESS_SLOTS, accessGen::access, "content_metadata_id",
                accessGen::accessIds);
        themes = new ItemTable("themes", 2, 3, new ThemeGen(p)::theme, null, null);
        contentMeta = new ItemTable("content_metadata", p.cmMax(), p.cmMax() + 1, this::baseContentMeta, null, null);
        groupUsers = new Relation(p::groupUsers, p::userGroups);
        groupGroups = new Relation(p::groupChildren, g -> p.groupParent(g) == 0 ? new long[0] : new long[]{p.groupParent(g)});
        roleGroups = new Relation(p::roleGroups, p::groupRoles);
        roleUsers = new Relation(p::roleUsers, p::userRoles);
        instance = new InstanceTables(new io.lookersim.gen.InstanceGen(p), seed);
    }

    private static long[] dashParts(long parent, int slots, int count) {
        return InstanceLayout.range(parent * slots, parent * slots + count - 1);
    }

    /** Content metadata links: the item it belongs to and whether it inherits access from its parent. */
    private ObjectNode baseContentMeta(long cm) {
        if (cm < 1 || cm > plan.cmMax()) return null;
        ObjectNode n = JsonNodes.obj().put("id", Long.toString(cm));
        long f = plan.folderMax(), d = plan.dashboards(), l = plan.looks();
        if (cm <= f) n.put("folder_id", Long.toString(cm)).put("content_type", "space").put("inherits", !accessGen.folderHasOwnAccess(cm));
        else if (cm <= f + d) n.put("dashboard_id", Long.toString(cm - f)).put("content_type", "dashboard").put("inherits", true);
        else if (cm <= f + d + l) n.put("look_id", Long.toString(cm - f - d)).put("content_type", "look").put("inherits", true);
        else n.put("board_id", Long.toString(cm - f - d - l)).put("content_type", "board").put("inherits", true);
        return n;
    }

    /** Runs a write alone; the logical clock ticks once per write so updated_at always grows. */
    public <T> T write(java.util.function.Supplier<T> w) {
        lock.lock();
        try {
            writes.incrementAndGet();
            return w.get();
        } finally {
            lock.unlock();
        }
    }

    /** ISO timestamp of the current write (seed-derived, never the wall clock). */
    public String nowIso() { return io.lookersim.gen.Words.iso(content.now() + writes.get()); }

    public ItemTable table(String type) {
        for (ItemTable t : new ItemTable[]{dashboards, looks, folders, users, groups, roles, permSets, modelSets, attrs, boards,
                plans, alerts, queries, elements, filters, layouts, components, sections, items, accesses, themes}) {
            if (t.type.equals(type)) return t;
        }
        return null;
    }
}
