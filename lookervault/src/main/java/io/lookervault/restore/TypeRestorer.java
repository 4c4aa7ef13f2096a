package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;

/** Restores the items of one content type. Implementations are stateless and thread-safe. */
interface TypeRestorer {
    /** The step name that keys checkpoints and outcomes: the type key, e.g. {@code dashboards}, or a revisit such as {@code role_groups}. */
    String type();

    /** The backed-up type whose items this restorer visits. */
    ContentType source();

    /** The destination item matching a source item by natural key (slug, name path, email, name), or null. */
    JsonNode findExisting(JsonNode sourceDoc, RestoreContext ctx) throws LookerException, InterruptedException;

    /** Creates or updates one item at the destination (in a dry run: only reads and reports). */
    Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException;
}
