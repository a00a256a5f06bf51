package org.evergreencrm.api.lead;

import java.time.Instant;

/**
 * A lead that could not be taken in, kept with the reason so nothing is lost: {@code OPEN} (replay it after fixing
 * the cause), {@code REPLAYED} (now lead {@code leadId}), {@code SPAM} (caught by a web form's honeypot).
 */
public record DeadLetter(long id, String source, String sourceLeadId, String payload, String error, String status,
        Instant receivedAt, Instant failedAt, int attempts, Long leadId) {
}
