package org.evergreencrm.api.compliance;

import java.time.Instant;

/**
 * A consent or revocation to record. At least one of {@code contactId} and {@code phone} is required.
 *
 * @param receivedAt when the request reached us; {@code null} = now
 * @param effectiveAt when it takes effect; {@code null} = at once. A revocation may not take effect later than
 *        10 business days after it was received.
 */
public record ConsentDraft(Long contactId, String phone, Channel channel, ConsentKind kind, ConsentMethod method,
        Instant receivedAt, Instant effectiveAt, String note) {
}
