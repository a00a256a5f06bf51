package org.evergreencrm.api.lead;

import java.time.Instant;

/**
 * A stored lead: where it came from, the contact it created or was linked to, who it was assigned to and why, the
 * speed-to-lead timestamps (received, stored, assigned, first contact attempt), and what the optional intake steps
 * added: the score, the location, their notes ({@code null} when those steps were not installed). {@code scored}: the
 * score's priority, model and reasons when the scorer gave them ({@code null} otherwise).
 */
public record Lead(long id, String source, String sourceLeadId, long contactId, boolean existingContact, Long assignedTo,
        String assignmentReason, Instant receivedAt, Instant storedAt, Instant assignedAt, Instant firstAttemptAt,
        String rawPayload, Long referredBy, Double score, GeoPoint location, String notes, LeadScore scored) {
}
