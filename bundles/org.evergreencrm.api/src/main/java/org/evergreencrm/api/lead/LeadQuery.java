package org.evergreencrm.api.lead;

import java.time.Instant;

import org.evergreencrm.api.contact.ContactStatus;

/**
 * A filtered, keyset-paginated lead listing. Every filter is optional.
 *
 * @param source only leads from this source
 * @param assignedTo only leads assigned to this user id
 * @param status only leads whose contact has this status
 * @param tag only leads whose contact carries this tag
 * @param receivedFrom received at or after
 * @param receivedTo received before (exclusive)
 * @param text words in the contact's name, phone, e-mail or address
 * @param sort {@code newest} (default), {@code oldest} or {@code score} (highest first)
 * @param cursor the previous page's {@code nextCursor}
 * @param limit page size, 1 to 200 (0: 50)
 */
public record LeadQuery(String source, Long assignedTo, ContactStatus status, String tag, Instant receivedFrom,
        Instant receivedTo, String text, String sort, String cursor, int limit) {
}
