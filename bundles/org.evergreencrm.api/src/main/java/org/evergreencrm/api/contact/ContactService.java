package org.evergreencrm.api.contact;

import org.evergreencrm.api.Page;
import org.evergreencrm.api.security.Actor;

/**
 * The contact aggregate. Validates, enforces who may see and change what (admin: all; manager: the team's
 * records; rep: their own), stores, and posts a {@link ContactEvents} event after every committed change.
 */
public interface ContactService {

    Contact create(Actor actor, ContactDraft draft);

    /**
     * Creates many contacts at once, in order, as {@link #create} would one by one (same checks, same rows, a
     * {@code CREATED} event each) but written in bulk. All or none: a draft that fails the checks refuses the whole
     * batch before anything is written. Joins the calling thread's open JDBC transaction when there is one
     * ({@code org.evergreencrm.store.jdbc.Jdbc#inTransaction}); the events are posted after it commits.
     */
    java.util.List<Contact> createAll(Actor actor, java.util.List<ContactDraft> drafts);

    /**
     * The checks {@link #create} makes, without storing anything: the cleaned draft, or the
     * {@link org.evergreencrm.api.ValidationException} a create would raise.
     */
    ContactDraft validate(Actor actor, ContactDraft draft);

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

    /**
     * {@link #duplicatesOf} for a batch of new records with one lookup for all of them, plus the duplicates within
     * the batch: per draft, in order, the stored contacts it looks like and the earlier draft it surely repeats.
     */
    java.util.List<DraftDuplicates> duplicatesOfAll(Actor actor, java.util.List<ContactDraft> drafts);

    /**
     * The one access rule for everything that hangs off a contact (leads, queue entries, consent records,
     * decisions, duplicate pairs, merges): which of these contact ids the actor may read. Deleted or unknown ids are
     * left out. Other bundles filter their lists with it instead of writing the rule again.
     */
    java.util.Set<Long> readable(Actor actor, java.util.Collection<Long> contactIds);

    /**
     * Refuses unless the actor may read the contact: {@link org.evergreencrm.api.NotFoundException} when it does not
     * exist (or was deleted), {@link org.evergreencrm.api.AccessDeniedException} when it belongs to someone the
     * actor may not see — the same answers {@link #get} gives.
     */
    void checkRead(Actor actor, long contactId);

    /**
     * The contact, when the actor may change it: the owner rule itself, without the temporary read grants (a held
     * claim lets a rep read a contact, never change, merge or delete it). Refuses as {@link #get} does.
     */
    Contact getForChange(Actor actor, long contactId);

    /**
     * The owners whose contacts the actor may see: {@code null} for everything (admins), else the actor and, for a
     * manager, their team. Unowned contacts are admins' only. For set-based queries (the call queue's claim).
     */
    java.util.Set<Long> visibleOwners(Actor actor);

    /** Number of contacts that are not deleted (all of them, regardless of the actor). */
    long count();
}
