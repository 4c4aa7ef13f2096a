package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.ArrayList;
import java.util.List;

/**
 * The Looker Action Hub every Looker has (hub 1) and its integrations, each with the params its hub defines (a
 * sensitive one never shows its value). Disabled, with no values, as on a fresh Looker. Constant.
 */
public final class IntegrationGen {
    private IntegrationGen() {}

    public static ObjectNode actionHub() {
        return JsonNodes.obj().put("id", "1").put("url", "https://actions.looker.com").put("label", "Looker Action Hub")
                .put("official", true).putNull("fetch_error_message").put("has_authorization_token", true)
                .put("legal_agreement_signed", true).put("legal_agreement_required", false).putNull("legal_agreement_text");
    }

    public static List<ObjectNode> integrations() {
        List<ObjectNode> out = new ArrayList<>();
        out.add(integration("1::google_sheets", "Google Sheets", "query", new String[][] {}));
        out.add(integration("1::slack", "Slack", "query", new String[][] {{"workspace", "Workspace", "false"}, {"bot_token", "Bot token", "true"}}));
        out.add(integration("1::sftp", "SFTP", "query", new String[][] {}));
        out.add(integration("1::segment_event", "Segment", "query", new String[][] {{"segment_write_key", "Segment write key", "true"}}));
        return out;
    }

    private static ObjectNode integration(String id, String label, String action, String[][] params) {
        ObjectNode n = JsonNodes.obj().put("id", id).put("integration_hub_id", "1").put("label", label).put("description", "Send data to " + label)
                .put("enabled", false).put("icon_url", "https://actions.looker.com/icons/" + id.substring(3) + ".svg")
                .put("uses_oauth", false).putNull("privacy_link").put("delegate_oauth", false);
        n.putArray("supported_formats").add("csv").add("json");
        n.putArray("supported_action_types").add(action);
        n.putArray("supported_formattings").add("formatted").add("unformatted");
        n.putArray("supported_visualization_formattings").add("apply").add("noapply");
        n.putArray("supported_download_settings").add("push");
        n.putArray("required_fields");
        n.putArray("installed_delegate_oauth_targets");
        ArrayNode ps = n.putArray("params");
        for (String[] p : params) {
            ps.addObject().put("name", p[0]).put("label", p[1]).put("description", p[1] + " for " + label).put("required", true)
                    .put("has_value", false).putNull("value").putNull("user_attribute_name").put("sensitive", Boolean.parseBoolean(p[2]))
                    .put("per_user", false).putNull("delegate_oauth_url");
        }
        return n;
    }
}
