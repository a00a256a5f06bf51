package org.evergreencrm.api.dedup;

import java.util.Set;

/** What duplicate detection stores with a contact: its blocking keys and its normalized values. */
public record MatchData(Set<String> keys, Normalized normalized) {
    public static final MatchData NONE = new MatchData(Set.of(), Normalized.NONE);

    public MatchData {
        keys = Set.copyOf(keys);
        normalized = normalized == null ? Normalized.NONE : normalized;
    }
}
