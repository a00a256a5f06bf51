package org.evergreencrm.api.contact;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writable fields of a contact, for create and full update. Collections may be {@code null} (= empty).
 * A PERSON needs one identifying field: a first or last name, a phone, an e-mail, or a postal address with a date of
 * birth (custom field {@code dateOfBirth}); a HOUSEHOLD needs a household name; every contact needs a way to reach it
 * (phone, email or address).
 */
public record ContactDraft(ContactKind kind, String firstName, String lastName, String householdName,
        List<Phone> phones, List<Email> emails, PostalAddress address, String source, Long ownerId,
        ContactStatus status, Set<String> tags, Map<String, Object> customFields) {
}
