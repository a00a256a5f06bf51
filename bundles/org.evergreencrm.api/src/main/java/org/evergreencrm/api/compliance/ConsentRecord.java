package org.evergreencrm.api.compliance;

import java.time.Instant;

/**
 * A recorded consent or revocation: the audit trail (channel, when received, who/what recorded it, when it took
 * effect, and by when the law requires a revocation to be honoured).
 *
 * @param phone E.164, or {@code null} when the record is about a contact as a whole
 */
public record ConsentRecord(long id, Long contactId, String phone, Channel channel, ConsentKind kind,
        ConsentMethod method, Instant receivedAt, Instant effectiveAt, Instant honorBy, String recordedBy,
        Instant recordedAt, String note) {
}
