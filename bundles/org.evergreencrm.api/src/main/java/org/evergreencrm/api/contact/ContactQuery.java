package org.evergreencrm.api.contact;

import java.time.Instant;

/**
 * Filters for a contact search; every filter is optional and they combine with AND. Results come newest
 * first; {@code cursor} is the {@code nextCursor} of the previous page.
 *
 * @param text words that must all occur in the name, emails, phones, street, city or postcode
 * @param ownerId only contacts owned by this user
 * @param status only contacts in this status
 * @param tag only contacts carrying this tag
 * @param createdFrom created at or after (inclusive)
 * @param createdTo created before (exclusive)
 * @param cursor where the previous page ended
 * @param limit page size, 1..{@value #MAX_LIMIT}; {@code 0} means {@value #DEFAULT_LIMIT}
 */
public record ContactQuery(String text, Long ownerId, ContactStatus status, String tag, Instant createdFrom,
        Instant createdTo, String cursor, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static ContactQuery all() {
        return new ContactQuery(null, null, null, null, null, null, null, 0);
    }

    public int effectiveLimit() {
        return limit == 0 ? DEFAULT_LIMIT : limit;
    }
}
