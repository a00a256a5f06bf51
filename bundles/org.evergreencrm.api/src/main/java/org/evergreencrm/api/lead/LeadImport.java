package org.evergreencrm.api.lead;

import java.time.Instant;

/**
 * Progress of a bulk intake (a dropped file, a feed's poll): how many leads it holds, how many were processed, taken
 * in, or kept as dead letters; {@code RUNNING}, {@code DONE}, {@code FAILED} (unreadable; moved aside) or
 * {@code RETRYING} (the database refused: the file stays and is read again).
 */
public record LeadImport(String name, String source, long total, long processed, long stored, long deadLetters, Instant startedAt,
        Instant finishedAt, String status, String error) {
}
