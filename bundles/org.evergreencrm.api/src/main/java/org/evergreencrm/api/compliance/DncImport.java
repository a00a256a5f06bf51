package org.evergreencrm.api.compliance;

import java.time.Instant;
import java.util.List;

/**
 * Progress of a registry import. {@code read} lines were read, {@code added} numbers were new to the list,
 * {@code rejected} lines were not 10-digit numbers (the first ones are listed in {@code errors}).
 */
public record DncImport(long id, String list, String state, long read, long added, long rejected, List<String> errors,
        Instant startedAt, Instant finishedAt, String startedBy) {
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    public static final String CANCELLED = "CANCELLED";
}
