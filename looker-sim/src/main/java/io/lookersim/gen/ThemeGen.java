package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;

/** The instance's themes: Looker's default and one custom theme. Constant. */
public final class ThemeGen extends SeededGenerator {
    public ThemeGen(InstanceLayout p) {
        super(p);
    }

    public ObjectNode theme(long id) {
        if (id < 1 || id > 2) return null;
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(id)).put("name", id == 1 ? "Looker" : "brand_dark").put("begin_at", (String) null).put("end_at", (String) null);
        ObjectNode st = n.putObject("settings");
        st.put("background_color", id == 1 ? "#f6f8fa" : "#1a1a2e").put("base_font_size", "12px").put("color_collection_id", "legacy")
                .put("font_color", id == 1 ? "#3a4245" : "#eeeeee").put("font_family", "Roboto").put("info_button_color", "#0087e1")
                .put("primary_button_color", "#64518A").put("show_filters_bar", true).put("show_title", true)
                .put("text_tile_text_color", "#3a4245").put("tile_background_color", "#ffffff").put("text_tile_background_color", "#ffffff")
                .put("tile_text_color", "#3a4245").put("title_color", "#3a4245").put("warn_button_color", "#980c11")
                .put("tile_title_alignment", "center").put("tile_shadow", true);
        n.set("can", can("show", "update", "destroy"));
        return n;
    }
}
