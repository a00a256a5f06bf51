package org.evergreencrm.api;

import java.util.List;

/**
 * One page of a keyset-paginated listing.
 *
 * @param items the records on this page
 * @param nextCursor opaque cursor for the next page, {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
