package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Looker's standard color collections (every instance has them; none is content), each with one categorical, one
 * sequential and one diverging palette. DEFAULT is the instance default until set_default_color_collection.
 * Constant: every call builds fresh nodes.
 */
public final class ColorCollections {
    public static final String DEFAULT = "looker";
    private static final String[][] ALL = {
        {"looker", "Looker", "#4276BE", "#3FB0D5", "#E57947", "#FFD95F", "#B42F37", "#6A013A"},
        {"legacy", "Legacy", "#1EA8DF", "#353B49", "#49CEC1", "#B1399E", "#E25468", "#F18D45"},
        {"santa-cruz", "Santa Cruz", "#FF8168", "#1A73E8", "#12B5CB", "#E52592", "#E8710A", "#F9AB00"},
        {"boardwalk", "Boardwalk", "#2B7FFF", "#FB5E5E", "#1DC0A6", "#FFCC29", "#7F50C8", "#0A3A63"},
    };

    private ColorCollections() {}

    public static List<ObjectNode> all() {
        List<ObjectNode> out = new ArrayList<>();
        for (String[] c : ALL) out.add(collection(c));
        return out;
    }

    public static ObjectNode byId(String id) {
        for (String[] c : ALL) if (c[0].equals(id)) return collection(c);
        return null;
    }

    private static ObjectNode collection(String[] c) {
        ObjectNode n = JsonNodes.obj().put("id", c[0]).put("label", c[1]);
        ObjectNode cat = n.putArray("categoricalPalettes").addObject()
                .put("id", c[0] + "-categorical-0").put("label", c[1] + " Categorical").put("type", "Categorical");
        ArrayNode colors = cat.putArray("colors");
        for (int i = 2; i < c.length; i++) colors.add(c[i]);
        n.putArray("sequentialPalettes").add(continuous(c[0] + "-sequential-0", c[1] + " Sequential", "Sequential",
                "#FFFFFF", c[2], c[2]));
        n.putArray("divergingPalettes").add(continuous(c[0] + "-diverging-0", c[1] + " Diverging", "Diverging",
                c[2], "#FFFFFF", c[3]));
        return n;
    }

    private static ObjectNode continuous(String id, String label, String type, String from, String mid, String to) {
        ObjectNode p = JsonNodes.obj().put("id", id).put("label", label).put("type", type);
        ArrayNode stops = p.putArray("stops");
        stops.addObject().put("color", from).put("offset", 0);
        stops.addObject().put("color", mid).put("offset", 50);
        stops.addObject().put("color", to).put("offset", 100);
        return p;
    }
}
