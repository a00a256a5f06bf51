package org.evergreencrm.api.lead;

import java.time.Instant;
import java.util.Map;

/**
 * A lead as a source delivered it: the source's name, its own id for the lead (the idempotency key: the same
 * source and id are stored once, however often delivered), the fields, the raw payload as received and when.
 * Field names: firstName, lastName, phone, email, address1, city, state, postalCode, notes (case and
 * separators ignored: {@code first_name}, {@code First Name} work too). {@code referredBy}: the contact who referred
 * this person, or {@code null}.
 */
public record IncomingLead(String source, String sourceLeadId, Map<String, String> fields, String rawPayload, Instant receivedAt,
        Long referredBy) {
    /** A lead nobody referred. */
    public IncomingLead(String source, String sourceLeadId, Map<String, String> fields, String rawPayload, Instant receivedAt) {
        this(source, sourceLeadId, fields, rawPayload, receivedAt, null);
    }
}
