package org.evergreencrm.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.store.ContactRepository;
import org.evergreencrm.api.store.MatchCandidate;
import org.evergreencrm.api.store.ContactScope;
import org.evergreencrm.store.internal.entity.ContactEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contacts in the {@code contact} table and its child tables, through OpenJPA. */
@Component(service = ContactRepository.class)
public final class JpaContactRepository implements ContactRepository {
    /**
     * A match key shared by more contacts than this is ignored by the duplicate lookup (the batch search ignores
     * blocks over 100): issue #13's broader keys (street in a postcode, delivery line in a state) made reading up to
     * 201 sharers per key the cost of every check.
     */
    static final int MAX_KEY_SHARE = 50;
    /**
     * Keys the batch lookup found shared by more than {@link #MAX_KEY_SHARE} contacts: skipped from then on without
     * a lookup (contacts are rarely deleted, so a common key stays common). Forgotten when it grows past this size.
     */
    private static final int MAX_HOT_KEYS = 100_000;
    private final Set<String> hotKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Tx tx;
    private final javax.sql.DataSource dataSource;

    @Activate
    public JpaContactRepository(@Reference JpaStore store) {
        this(store.tx(), store.dataSource());
    }

    JpaContactRepository(Tx tx, javax.sql.DataSource dataSource) {
        this.tx = tx;
        this.dataSource = dataSource;
    }

    @Override
    public Contact insert(ContactDraft draft, MatchData matchData, Instant now) {
        return tx.call(em -> {
            ContactEntity e = new ContactEntity();
            ContactMapper.apply(draft, matchData, e);
            e.setCreatedAt(ContactMapper.date(now));
            e.setUpdatedAt(ContactMapper.date(now));
            em.persist(e);
            em.flush();
            return ContactMapper.toRecord(e);
        });
    }

    @Override
    public List<Contact> insertAll(List<ContactDraft> drafts, List<MatchData> matchData, Instant now) {
        return org.evergreencrm.store.jdbc.Jdbc.inTransaction(dataSource, c -> ContactRows.insertAll(c, drafts, matchData, now));
    }

    @Override
    public Optional<Contact> find(long id) {
        return org.evergreencrm.store.jdbc.Jdbc.read(dataSource, c -> ContactReads.find(c, id));
    }

    @Override
    public Contact update(long id, ContactDraft draft, MatchData matchData, Long expectedVersion, Instant now) {
        return tx.call(em -> {
            ContactEntity e = live(em, id).orElseThrow(() -> new NotFoundException("contact", id));
            if (expectedVersion != null && e.getVersion() != expectedVersion) {
                throw new ConflictException(null, "contact " + id + " is at version " + e.getVersion()
                        + ", not " + expectedVersion + "; reload it and try again");
            }
            ContactMapper.apply(draft, matchData, e);
            e.setUpdatedAt(ContactMapper.date(now));
            em.flush();
            return ContactMapper.toRecord(e);
        });
    }

    @Override
    public Contact restore(long id, ContactDraft draft, MatchData matchData, Instant now) {
        return tx.call(em -> {
            ContactEntity e = em.find(ContactEntity.class, id);
            if (e == null) {
                throw new NotFoundException("contact", id);
            }
            ContactMapper.apply(draft, matchData, e);
            e.setDeletedAt(null);
            e.setUpdatedAt(ContactMapper.date(now));
            em.flush();
            return ContactMapper.toRecord(e);
        });
    }

    @Override
    public Optional<Contact> softDelete(long id, Instant now) {
        return tx.call(em -> live(em, id).map(e -> {
            Contact before = ContactMapper.toRecord(e);
            e.setDeletedAt(ContactMapper.date(now));
            e.setUpdatedAt(ContactMapper.date(now));
            return before;
        }));
    }

    @Override
    public List<Contact> search(ContactQuery q, ContactScope scope, Long afterId, int limit) {
        if (scope.ownerIds() != null && scope.ownerIds().isEmpty()) {
            return List.of();
        }
        // limit + 1: the caller learns from the extra row that there is a next page
        return org.evergreencrm.store.jdbc.Jdbc.read(dataSource, c -> ContactReads.search(c, q, scope, afterId, limit + 1));
    }

    @Override
    public List<MatchCandidate> findMatchCandidates(Set<String> keys, int limit) {
        return MatchCandidates.find(dataSource, keys, limit, MAX_KEY_SHARE);
    }

    @Override
    public List<List<MatchCandidate>> findMatchCandidatesAll(List<Set<String>> keys, int limit) {
        if (hotKeys.size() > MAX_HOT_KEYS) {
            hotKeys.clear();
        }
        return MatchCandidates.findAll(dataSource, keys, limit, MAX_KEY_SHARE, hotKeys);
    }

    @Override
    public long scanPersons(java.util.function.Consumer<MatchCandidate> sink) {
        return PersonScan.scan(dataSource, sink);
    }

    @Override
    public List<MatchCandidate> personsAfter(long afterId, int limit) {
        return PersonScan.page(dataSource, afterId, limit);
    }

    @Override
    public int replaceMatchKeys(java.util.Map<Long, Set<String>> keys, Instant notChangedSince) {
        return MatchKeyRewrite.replace(dataSource, keys, notChangedSince);
    }

    private static javax.persistence.Query nativeIn(EntityManager em, String head, String tail, java.util.Collection<String> values) {
        StringBuilder sql = new StringBuilder(head);
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        javax.persistence.Query query = em.createNativeQuery(sql.append(tail).toString());
        int position = 1;
        for (String v : values) {
            query.setParameter(position++, v);
        }
        return query;
    }

    @Override
    public long count() {
        return tx.read(em -> em.createQuery("SELECT COUNT(c) FROM ContactEntity c WHERE c.deletedAt IS NULL", Long.class)
                .getSingleResult());
    }

    @Override
    public java.util.Map<Long, Long> ownersOf(java.util.Collection<Long> ids) {
        java.util.Map<Long, Long> owners = new java.util.HashMap<>();
        List<Long> all = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            tx.read(em -> {
                for (Object[] row : em.createQuery("SELECT c.id, c.ownerId FROM ContactEntity c WHERE c.deletedAt IS NULL "
                        + "AND c.id IN :ids", Object[].class).setParameter("ids", new ArrayList<>(chunk)).getResultList()) {
                    owners.put(((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).longValue());
                }
                return null;
            });
        }
        return owners;
    }

    private static Optional<ContactEntity> live(EntityManager em, long id) {
        ContactEntity e = em.find(ContactEntity.class, id);
        return e == null || e.getDeletedAt() != null ? Optional.empty() : Optional.of(e);
    }
}
