package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;

/** Explicit access grants on folders (content_metadata_access). Pure functions of (seed, id). */
public final class AccessGen extends SeededGenerator {
    public AccessGen(InstanceLayout p) {
        super(p);
    }

    /** Folders with a multiple-of-7 index in the shared tree do not inherit and carry two explicit grants. */
    public boolean folderHasOwnAccess(long f) {
        return f >= p.firstShared() && f <= p.folderMax() && (f - p.firstShared()) % 7 == 0 || f == InstanceLayout.SHARED_ROOT;
    }

    /** Ids of the generated grants on content_metadata {@code cm}: one or two slots of its range. */
    public long[] accessIds(long cm) {
        if (!folderHasOwnAccess(cm)) return new long[0];
        long first = cm * InstanceLayout.ACCESS_SLOTS;
        return access(first + 1) == null ? new long[]{first} : new long[]{first, first + 1};
    }

    public ObjectNode access(long id) {
        long cm = id / InstanceLayout.ACCESS_SLOTS;
        int k = (int) (id % InstanceLayout.ACCESS_SLOTS);
        if (cm < 1 || cm > p.folderMax() || !folderHasOwnAccess(cm) || k > 1) return null;
        long editor = 1 + cm % p.userMax();
        // Looker keeps one grant per (content, user): with no groups (a fresh instance) the view grant already
        // names the API user, so an edit grant for the same user would be a twin the API itself refuses (409).
        if (k == 1 && p.groups() == 0 && editor == InstanceLayout.API_USER) return null;
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(id)).put("content_metadata_id", s(cm)).put("permission_type", k == 0 ? "view" : "edit");
        if (k == 0 && p.groups() > 0) n.put("group_id", s(1 + cm % p.groups())).put("user_id", (String) null);
        else n.put("group_id", (String) null).put("user_id", s(k == 0 ? InstanceLayout.API_USER : editor));
        n.set("can", can("show", "update", "destroy"));
        return n;
    }
}
