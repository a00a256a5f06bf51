package org.evergreencrm.api.dedup;

/** EventAdmin topics posted after a merge or its undo committed (and its participants ran). */
public final class MergeEvents {
    public static final String MERGED = "org/evergreencrm/merge/MERGED";
    public static final String UNDONE = "org/evergreencrm/merge/UNDONE";
    /** {@code Long} */
    public static final String MERGE_ID = "merge.id";
    /** {@code Long} */
    public static final String SURVIVOR_ID = "survivor.id";
    /** {@code Long} */
    public static final String LOSER_ID = "loser.id";
    /** {@code String}: who merged or undid. */
    public static final String ACTOR = "actor";
    /** {@code Long}: epoch millis. */
    public static final String TIMESTAMP = "timestamp";

    private MergeEvents() {
    }
}
