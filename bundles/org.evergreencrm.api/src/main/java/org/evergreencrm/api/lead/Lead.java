package org.evergreencrm.api.lead;

import java.time.Instant;

/**
 * A stored lead: where it came from, the contact it created or was linked to, who it was assigned to and why, and
 * the speed-to-lead timestamps (received, stored, assigned, first contact attempt).
 */
public record Lead(long id, String source, String sourceLeadId, long contactId, boolean existingContact, Long assignedTo,
        String assignmentReason, Instant receivedAt, Instant storedAt, Instant assignedAt, Instant firstAttemptAt,
        String rawPayload, Long referredBy) {
}
