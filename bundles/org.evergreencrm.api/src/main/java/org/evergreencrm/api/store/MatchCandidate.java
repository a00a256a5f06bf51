package org.evergreencrm.api.store;

import org.evergreencrm.api.dedup.PersonRecord;

/**
 * A live contact as the duplicate comparison sees it: what the comparison needs, nothing more.
 *
 * @param externalId the contact's {@code externalId} custom field (imported records), or {@code null}
 */
public record MatchCandidate(long id, Long ownerId, PersonRecord person, String externalId) {
}
