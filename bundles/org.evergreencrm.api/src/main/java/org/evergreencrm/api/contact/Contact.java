package org.evergreencrm.api.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stored contact (lead, prospect or customer). {@code version} grows with every update; {@code normalized} holds
 * the values duplicate detection compares (empty when no detector was installed at the last write).
 */
public record Contact(long id, ContactKind kind, String firstName, String lastName, String householdName,
        List<Phone> phones, List<Email> emails, PostalAddress address, String source, Long ownerId,
        ContactStatus status, Set<String> tags, Map<String, Object> customFields, Instant createdAt,
        Instant updatedAt, long version, org.evergreencrm.api.dedup.Normalized normalized) {

    /** "First Last" for a person, the household name for a household. */
    public String displayName() {
        if (kind == ContactKind.HOUSEHOLD && householdName != null) {
            return householdName;
        }
        String first = firstName == null ? "" : firstName;
        String last = lastName == null ? "" : lastName;
        return (first + " " + last).trim();
    }
}
