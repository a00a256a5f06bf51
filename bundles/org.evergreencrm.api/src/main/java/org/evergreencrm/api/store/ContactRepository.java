package org.evergreencrm.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactQuery;

/** Stores contacts. Deleted contacts are invisible to every method. */
public interface ContactRepository {

    /** @param matchData duplicate-detection keys and normalized values stored with the contact */
    Contact insert(ContactDraft draft, org.evergreencrm.api.dedup.MatchData matchData, Instant now);

    /**
     * Stores many new contacts at once (the same rows as {@link #insert}, written in bulk), in order. Joins the
     * calling thread's open transaction ({@code org.evergreencrm.store.jdbc.Jdbc#inTransaction}) when there is one,
     * so the caller can make them atomic with its own writes.
     */
    List<Contact> insertAll(List<ContactDraft> drafts, List<org.evergreencrm.api.dedup.MatchData> matchData, Instant now);

    Optional<Contact> find(long id);

    /**
     * @throws org.evergreencrm.api.NotFoundException when absent or deleted
     * @throws org.evergreencrm.api.ConflictException when {@code expectedVersion} is given and stale
     */
    Contact update(long id, ContactDraft draft, org.evergreencrm.api.dedup.MatchData matchData, Long expectedVersion, Instant now);

    /**
     * Live contacts that share at least one of these match keys (keys shared by very many contacts are ignored),
     * newest first, at most {@code limit}: only what the duplicate comparison reads.
     */
    List<MatchCandidate> findMatchCandidates(java.util.Set<String> keys, int limit);

    /**
     * {@link #findMatchCandidates} for many records at once (one lookup for all their keys): per key set, in order,
     * the live contacts sharing one of its keys, newest first, at most {@code limit} each.
     */
    List<List<MatchCandidate>> findMatchCandidatesAll(List<java.util.Set<String>> keys, int limit);

    /** Streams every live contact, as the duplicate comparison sees it, in id order; returns how many. */
    long scanPersons(java.util.function.Consumer<MatchCandidate> sink);

    /** A page of {@link #scanPersons}: the live contacts with an id above {@code afterId}, at most {@code limit}. */
    List<MatchCandidate> personsAfter(long afterId, int limit);

    /**
     * Replaces the match keys of these contacts (one transaction), leaving out contacts changed since
     * {@code notChangedSince} and those whose keys are already these; returns how many contacts got new keys.
     */
    int replaceMatchKeys(java.util.Map<Long, java.util.Set<String>> keys, Instant notChangedSince);

    /** Sets every writable field and brings a (soft-)deleted contact back: for undoing a merge. */
    Contact restore(long id, ContactDraft draft, org.evergreencrm.api.dedup.MatchData matchData, Instant now);

    /** @return the contact as it was, or empty when it was absent or already deleted */
    Optional<Contact> softDelete(long id, Instant now);

    /**
     * Newest first, keyset-paginated by id. Returns up to {@code limit + 1} rows so the caller can tell whether
     * another page follows; {@code afterId} is the last id of the previous page.
     */
    List<Contact> search(ContactQuery query, ContactScope scope, Long afterId, int limit);

    long count();

    /**
     * The owners of live contacts, in one lookup: each id of a live contact maps to its owner ({@code null} when
     * unowned); ids of deleted or unknown contacts are absent. For access checks over lists.
     */
    java.util.Map<Long, Long> ownersOf(java.util.Collection<Long> ids);
}
