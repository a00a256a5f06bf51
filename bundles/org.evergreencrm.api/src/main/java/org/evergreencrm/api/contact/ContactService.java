package org.evergreencrm.api.contact;

import org.evergreencrm.api.Page;
import org.evergreencrm.api.security.Actor;

/**
 * The contact aggregate. Validates, enforces who may see and change what (admin: all; manager: the team's
 * records; rep: their own), stores, and posts a {@link ContactEvents} event after every committed change.
 */
public interface ContactService {

    Contact create(Actor actor, ContactDraft draft);

    Contact get(Actor actor, long id);

    /**
     * Replaces the writable fields.
     *
     * @param expectedVersion when not {@code null}, the update is refused with a conflict unless the stored
     *        version still equals it (optimistic locking for HTTP {@code If-Match})
     */
    Contact update(Actor actor, long id, ContactDraft draft, Long expectedVersion);

    /** Soft-deletes: the row stays for audit, every read treats it as gone. */
    void delete(Actor actor, long id);

    Page<Contact> search(Actor actor, ContactQuery query);

    /**
     * Existing contacts that look like {@code draft} (duplicate check before a write); empty when no duplicate
     * detector is installed. Contacts the actor may not see are reported without their details.
     *
     * @param excludeId a contact to leave out (the one being updated), or {@code null}
     */
    java.util.List<DuplicateMatch> duplicatesOf(Actor actor, ContactDraft draft, Long excludeId);

    /** Number of contacts that are not deleted (all of them, regardless of the actor). */
    long count();
}
