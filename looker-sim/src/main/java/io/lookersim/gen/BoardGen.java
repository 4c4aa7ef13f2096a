package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.SplittableRandom;

/** Boards with their sections and items. Pure functions of (seed, id). */
public final class BoardGen extends SeededGenerator {
    public BoardGen(InstanceLayout p) {
        super(p);
    }

    public int sectionCount(long b) { return 1 + rng(BOARD + 100, b).nextInt(3); }

    public int itemCount(long section) { return 1 + rng(SECTION + 100, section).nextInt(5); }

    public ObjectNode board(long b) {
        if (b < 1 || b > p.boards()) return null;
        SplittableRandom r = rng(BOARD, b);
        long created = created(b, p.boards(), r);
        ObjectNode n = JsonNodes.obj();
        n.put("content_metadata_id", s(p.cmBoard(b))).put("created_at", iso(created)).put("deleted_at", (String) null)
                .put("description", Words.description(r)).put("id", s(b)).put("title", Words.title(r).replace("Dashboard", "Board"))
                .put("updated_at", iso(created + r.nextInt(9_000_000))).put("user_id", s(someUser(r))).put("primary_homepage", false);
        ArrayNode order = n.putArray("section_order");
        for (int k = 0; k < sectionCount(b); k++) order.add(s(b * InstanceLayout.SECTION_SLOTS + k));
        n.set("can", can("show", "index", "create", "update", "destroy"));
        return n;
    }

    public ObjectNode section(long id) {
        long b = id / InstanceLayout.SECTION_SLOTS;
        if (b < 1 || b > p.boards() || id % InstanceLayout.SECTION_SLOTS >= sectionCount(b)) return null;
        SplittableRandom r = rng(SECTION, id);
        ObjectNode n = JsonNodes.obj();
        long created = created(b, p.boards(), r);
        n.put("created_at", iso(created)).put("deleted_at", (String) null).put("description", r.nextBoolean() ? "Start here" : null)
                .put("board_id", s(b)).put("id", s(id)).put("title", Words.pick(r, "Overview", "Deep dives", "Daily", "Team ✨"))
                .put("updated_at", iso(created + 3600));
        ArrayNode order = n.putArray("item_order");
        for (int k = 0; k < itemCount(id); k++) order.add(s(id * InstanceLayout.ITEM_SLOTS + k));
        n.set("visible_item_order", order.deepCopy());
        n.set("can", can("show", "index", "create", "update", "destroy"));
        return n;
    }

    public ObjectNode item(long id) {
        long section = id / InstanceLayout.ITEM_SLOTS;
        if (section(section) == null || id % InstanceLayout.ITEM_SLOTS >= itemCount(section)) return null;
        SplittableRandom r = rng(ITEM, id);
        ObjectNode n = JsonNodes.obj();
        boolean dash = p.looks() == 0 || p.dashboards() > 0 && r.nextBoolean();
        long target = 1 + r.nextLong(dash ? Math.max(1, p.dashboards()) : p.looks());
        n.put("board_section_id", s(section)).put("id", s(id)).put("order", (int) (id % InstanceLayout.ITEM_SLOTS))
                .put(dash ? "dashboard_id" : "look_id", s(target)).put("custom_description", (String) null)
                .put("custom_title", (String) null).put("custom_url", (String) null).put("use_custom_description", false)
                .put("use_custom_title", false).put("use_custom_url", false).put("use_custom_image", false);
        n.set("can", can("show", "index", "create", "update", "destroy"));
        return n;
    }

}
