package io.lookervault.looker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a list answer.
 *
 * @param items      the items on this page, in the order Looker sent them
 * @param totalCount {@code X-Total-Count} when Looker sent it
 * @param nextLink   the {@code rel="next"} URL of the {@code Link} header when Looker sent it
 */
public record Page(List<JsonNode> items, OptionalLong totalCount, Optional<String> nextLink) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page with fewer items than asked for is the last one. */
    public boolean isLast(int limit) {
        return items.size() < limit;
    }
}
