package org.evergreencrm.store.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.dedup.CandidatePair;
import org.evergreencrm.api.dedup.MergeRecord;
import org.evergreencrm.api.store.DedupRepository;
import org.evergreencrm.store.internal.entity.CandidateEntity;
import org.evergreencrm.store.internal.entity.ContactEntity;
import org.evergreencrm.store.internal.entity.MergeEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The review queue ({@code dedup_candidate}) and the merge audit ({@code contact_merge}). */
@Component(service = DedupRepository.class)
public final class JpaDedupRepository implements DedupRepository {
    private final Tx tx;
    private final DedupJobTable jobs;

    @Activate
    public JpaDedupRepository(@Reference JpaStore store) {
        this(store.tx(), store.dataSource());
    }

    JpaDedupRepository(Tx tx, javax.sql.DataSource dataSource) {
        this.tx = tx;
        this.jobs = new DedupJobTable(dataSource);
    }

    @Override
    public long createJob(org.evergreencrm.api.dedup.DedupJobs.Status status, String startedBy, String node, Instant now) {
        return jobs.create(status, startedBy, node, now);
    }

    @Override
    public void saveJob(long id, org.evergreencrm.api.dedup.DedupJobs.Status status, Instant heartbeat) {
        jobs.save(id, status, heartbeat);
    }

    @Override
    public void saveJobModel(long id, String model) {
        jobs.saveModel(id, model);
    }

    @Override
    public Optional<org.evergreencrm.api.store.DedupJobRow> lastJob() {
        return jobs.last();
    }

    @Override
    public boolean takeOverJob(long id, String node, Instant staleBefore, Instant now) {
        return jobs.takeOver(id, node, staleBefore, now);
    }

    @Override
    public int offer(List<CandidatePair> pairs, Instant now) {
        return tx.call(em -> {
            int added = 0;
            for (CandidatePair p : pairs) {
                long a = Math.min(p.contactA(), p.contactB());
                long b = Math.max(p.contactA(), p.contactB());
                Optional<CandidateEntity> existing = find(em, a, b);
                if (existing.isEmpty()) {
                    CandidateEntity e = new CandidateEntity();
                    e.setContactA(a);
                    e.setContactB(b);
                    e.setProbability(p.probability());
                    e.setExplanation(p.explanation());
                    e.setStatus(CandidatePair.PENDING);
                    e.setCreatedAt(Date.from(now));
                    em.persist(e);
                    added++;
                } else if (CandidatePair.PENDING.equals(existing.get().getStatus())) {
                    existing.get().setProbability(p.probability());
                    existing.get().setExplanation(p.explanation());
                }
            }
            return added;
        });
    }

    @Override
    public List<CandidatePair> pending(int limit) {
        return tx.read(em -> em.createQuery("SELECT c FROM CandidateEntity c WHERE c.status = :s "
                + "ORDER BY c.probability DESC, c.id", CandidateEntity.class).setParameter("s", CandidatePair.PENDING)
                .setMaxResults(limit).getResultList().stream().map(JpaDedupRepository::toRecord).toList());
    }

    @Override
    public Optional<CandidatePair> candidate(long id) {
        return tx.read(em -> Optional.ofNullable(em.find(CandidateEntity.class, id)).map(JpaDedupRepository::toRecord));
    }

    @Override
    public Set<Long> rejectedPartners(long contactId) {
        return tx.read(em -> {
            Set<Long> partners = new java.util.HashSet<>();
            for (CandidateEntity e : em.createQuery("SELECT c FROM CandidateEntity c WHERE c.status = :s AND "
                    + "(c.contactA = :id OR c.contactB = :id)", CandidateEntity.class).setParameter("s", CandidatePair.REJECTED)
                    .setParameter("id", contactId).getResultList()) {
                partners.add(e.getContactA() == contactId ? e.getContactB() : e.getContactA());
            }
            return partners;
        });
    }

    @Override
    public void decide(long contactA, long contactB, String status, String by, Instant now) {
        tx.call(em -> {
            mark(em, contactA, contactB, status, by, now);
            return null;
        });
    }

    private static void mark(EntityManager em, long contactA, long contactB, String status, String by, Instant now) {
        long a = Math.min(contactA, contactB);
        long b = Math.max(contactA, contactB);
        {
            CandidateEntity e = find(em, a, b).orElseGet(() -> {
                CandidateEntity fresh = new CandidateEntity();
                fresh.setContactA(a);
                fresh.setContactB(b);
                fresh.setCreatedAt(Date.from(now));
                fresh.setStatus(status);
                em.persist(fresh);
                return fresh;
            });
            e.setStatus(status);
            e.setDecidedBy(by);
            e.setDecidedAt(Date.from(now));
        }
    }

    @Override
    public MergeRecord applyMerge(MergeRecord m, ContactDraft survivor, MatchData survivorData, long survivorVersion,
            long loserVersion) {
        Instant now = m.mergedAt();
        return tx.call(em -> {
            ContactEntity s = live(em, m.survivorId());
            ContactEntity l = live(em, m.loserId());
            if (s.getVersion() != survivorVersion || l.getVersion() != loserVersion) {
                throw new ConflictException(null, "one of the contacts changed while merging; reload both and try again");
            }
            ContactMapper.apply(survivor, survivorData, s);
            s.setUpdatedAt(Date.from(now));
            l.setDeletedAt(Date.from(now));
            l.setUpdatedAt(Date.from(now));
            MergeEntity e = new MergeEntity();
            e.setSurvivorId(m.survivorId());
            e.setLoserId(m.loserId());
            e.setProbability(m.probability());
            e.setSurvivorBefore(m.survivorBefore());
            e.setLoserBefore(m.loserBefore());
            e.setSurvivorAfter(m.survivorAfter());
            e.setFieldSources(m.fieldSources());
            e.setMergedBy(m.mergedBy());
            e.setMergedAt(Date.from(now));
            em.persist(e);
            mark(em, m.survivorId(), m.loserId(), CandidatePair.MERGED, m.mergedBy(), now);
            em.flush();
            return toRecord(e);
        });
    }

    @Override
    public void applyUndo(long mergeId, ContactDraft survivor, MatchData survivorData, ContactDraft loser,
            MatchData loserData, String by, Instant now) {
        tx.call(em -> {
            MergeEntity m = em.find(MergeEntity.class, mergeId);
            if (m == null) {
                throw new NotFoundException("merge", mergeId);
            }
            if (m.getUndoneAt() != null) {
                throw new ConflictException(null, "merge " + mergeId + " was already undone");
            }
            ContactEntity s = live(em, m.getSurvivorId());
            ContactEntity l = em.find(ContactEntity.class, m.getLoserId());
            ContactMapper.apply(survivor, survivorData, s);
            s.setUpdatedAt(Date.from(now));
            ContactMapper.apply(loser, loserData, l);
            l.setDeletedAt(null);
            l.setUpdatedAt(Date.from(now));
            m.setUndoneBy(by);
            m.setUndoneAt(Date.from(now));
            mark(em, m.getSurvivorId(), m.getLoserId(), CandidatePair.REJECTED, by, now);
            return null;
        });
    }

    private static ContactEntity live(EntityManager em, long id) {
        ContactEntity e = em.find(ContactEntity.class, id);
        if (e == null || e.getDeletedAt() != null) {
            throw new NotFoundException("contact", id);
        }
        return e;
    }

    @Override
    public Optional<MergeRecord> merge(long id) {
        return tx.read(em -> Optional.ofNullable(em.find(MergeEntity.class, id)).map(JpaDedupRepository::toRecord));
    }

    @Override
    public List<MergeRecord> merges(int limit) {
        return tx.read(em -> em.createQuery("SELECT m FROM MergeEntity m ORDER BY m.id DESC", MergeEntity.class)
                .setMaxResults(limit).getResultList().stream().map(JpaDedupRepository::toRecord).toList());
    }

    private static Optional<CandidateEntity> find(EntityManager em, long a, long b) {
        return em.createQuery("SELECT c FROM CandidateEntity c WHERE c.contactA = :a AND c.contactB = :b", CandidateEntity.class)
                .setParameter("a", a).setParameter("b", b).getResultList().stream().findFirst();
    }

    private static CandidatePair toRecord(CandidateEntity e) {
        return new CandidatePair(e.getId(), e.getContactA(), e.getContactB(), e.getProbability(), e.getExplanation(),
                e.getStatus(), e.getCreatedAt().toInstant(), e.getDecidedBy(),
                e.getDecidedAt() == null ? null : e.getDecidedAt().toInstant());
    }

    private static MergeRecord toRecord(MergeEntity e) {
        return new MergeRecord(e.getId(), e.getSurvivorId(), e.getLoserId(), e.getProbability(), e.getSurvivorBefore(),
                e.getLoserBefore(), e.getSurvivorAfter(), e.getFieldSources(), e.getMergedBy(), e.getMergedAt().toInstant(),
                e.getUndoneBy(), e.getUndoneAt() == null ? null : e.getUndoneAt().toInstant());
    }
}
