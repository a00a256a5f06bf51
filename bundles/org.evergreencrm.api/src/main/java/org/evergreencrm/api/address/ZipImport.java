package org.evergreencrm.api.address;

import java.time.Instant;
import java.util.List;

/**
 * One ZIP data import: where from, rows read, ZIPs stored, rows refused (with their line numbers and why — nothing is
 * dropped silently), when, and its state ({@code RUNNING}, {@code DONE}, {@code FAILED}).
 */
public record ZipImport(long id, String source, String state, long rowsRead, long zipsStored, long rowsRefused,
        List<String> refusals, Instant startedAt, Instant finishedAt, String message) {
    public ZipImport {
        refusals = List.copyOf(refusals);
    }
}
