package org.evergreencrm.queue.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.BucketDraft;
import org.evergreencrm.api.queue.BucketStats;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.Claim;
import org.evergreencrm.api.queue.ContactQueueState;
import org.evergreencrm.api.queue.EnqueueResult;
import org.evergreencrm.api.queue.OutcomeReport;
import org.evergreencrm.api.queue.OutcomeResult;
import org.evergreencrm.api.queue.QueueEntry;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The call queue service: bucket definitions, enqueueing, and the claim/outcome paths of {@link Claimer} and {@link OutcomeRecorder}. */
@Component(service = CallQueue.class, configurationPid = "org.evergreencrm.queue")
@Designate(ocd = QueueConfig.class)
public final class CallQueueImpl implements CallQueue {
    private static final Logger LOG = LoggerFactory.getLogger(CallQueueImpl.class);
    private static final Duration BUCKET_CACHE = Duration.ofSeconds(5);
    private static final int MAX_ENQUEUE = 10_000;

    private final DataSource ds;
    private final ContactService contacts;
    private final ComplianceService compliance;
    private final BucketStore bucketStore;
    private final Claimer claimer;
    private final OutcomeRecorder outcomes;
    private final Clock clock;
    private final java.util.concurrent.locks.ReentrantLock refresh = new java.util.concurrent.locks.ReentrantLock();
    private volatile List<Bucket> cache;
    private volatile Instant cachedAt = Instant.EPOCH;

    @Activate
    public CallQueueImpl(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.queue)") SchemaReady schemaReady, @Reference ComplianceService compliance, @Reference ContactService contacts,
            QueueConfig config) {
        this(ds, compliance, contacts, settings(config), BucketMix.Mode.valueOf(config.mix().trim().toUpperCase(Locale.ROOT)),
                Clock.systemUTC());
    }

    CallQueueImpl(DataSource ds, ComplianceService compliance, ContactService contacts, Claimer.Settings settings,
            BucketMix.Mode mix, Clock clock) {
        this.ds = ds;
        this.contacts = contacts;
        this.compliance = compliance;
        this.clock = clock;
        this.bucketStore = new BucketStore(ds);
        this.claimer = new Claimer(ds, compliance, this::buckets, new BucketMix(mix), settings, clock, contacts::visibleOwners);
        claimer.onBlocked(this::postBlocked);
        this.outcomes = new OutcomeRecorder(ds, compliance, this::bucketCached, this::bucketNamed, clock, contacts::visibleOwners);
    }

    static Claimer.Settings settings(QueueConfig c) {
        if (c.leaseMinutes() < 1 || c.claimBatch() < 1 || c.triesPerBucket() < 1 || c.recheckHours() < 1) {
            throw new ValidationException("org.evergreencrm.queue", "leaseMinutes, claimBatch, triesPerBucket and recheckHours must be at least 1");
        }
        return new Claimer.Settings(Duration.ofMinutes(c.leaseMinutes()), c.claimBatch(), c.triesPerBucket(),
                Duration.ofHours(c.recheckHours()));
    }


    /**
     * The bucket definitions, cached for a few seconds (other nodes' changes show up within that time). One caller
     * refreshes a stale cache while the others keep using it, so claimers never queue up behind the refresh.
     */
    @Override
    public List<Bucket> buckets() {
        List<Bucket> b = cache;
        if (b == null || cachedAt.plus(BUCKET_CACHE).isBefore(clock.instant())) {
            if (b == null) {
                refresh.lock();
            } else if (!refresh.tryLock()) {
                return b;
            }
            try {
                return refreshBuckets();
            } finally {
                refresh.unlock();
            }
        }
        return b;
    }

    private List<Bucket> refreshBuckets() {
        List<Bucket> b = bucketStore.all();
        cache = b;
        cachedAt = clock.instant();
        return b;
    }

    private Optional<Bucket> bucketCached(long id) {
        return buckets().stream().filter(b -> b.id() == id).findFirst().or(() -> bucketStore.find(id));
    }

    private Optional<Bucket> bucketNamed(String name) {
        return buckets().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    private void invalidate() {
        cache = null;
    }

    @Override
    public Optional<Bucket> bucket(long id) {
        return bucketStore.find(id);
    }

    @Override
    public Bucket createBucket(Actor actor, BucketDraft draft) {
        admin(actor);
        invalidate();
        BucketRules.Definition def = BucketRules.check(draft, n -> bucketStore.all().stream().anyMatch(b -> b.name().equals(n)));
        Bucket b = bucketStore.insert(draft.name().trim(), def, clock.instant());
        invalidate();
        return b;
    }

    @Override
    public Bucket updateBucket(Actor actor, long id, long expectedVersion, BucketDraft draft) {
        admin(actor);
        Bucket old = bucketStore.find(id).orElseThrow(() -> new NotFoundException("bucket", id));
        BucketRules.Definition def = BucketRules.check(draft, n -> bucketStore.all().stream().anyMatch(b -> b.name().equals(n)));
        Bucket b = bucketStore.update(id, expectedVersion, draft.name().trim(), def, clock.instant());
        if (old.order() != b.order()) {
            resort(b);
        }
        invalidate();
        return b;
    }

    /** The bucket's order changed: recompute the sort key of its queued entries. */
    private void resort(Bucket b) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement sel = c.prepareStatement("SELECT contact_id, priority, entered_at, last_attempt_at, "
                    + "callback_at FROM queue_entry WHERE bucket_id = ? AND status <> 'FINISHED'");
                    PreparedStatement upd = c.prepareStatement("UPDATE queue_entry SET sort_key = ? WHERE contact_id = ?")) {
                sel.setLong(1, b.id());
                try (ResultSet rs = sel.executeQuery()) {
                    while (rs.next()) {
                        upd.setDouble(1, SortKeys.of(b.order(), rs.getDouble(2), Jdbc.instant(rs, "entered_at"),
                                Jdbc.instant(rs, "last_attempt_at"), Jdbc.instant(rs, "callback_at")));
                        upd.setLong(2, rs.getLong(1));
                        upd.addBatch();
                    }
                }
                upd.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void deleteBucket(Actor actor, long id) {
        admin(actor);
        Bucket b = bucketStore.find(id).orElseThrow(() -> new NotFoundException("bucket", id));
        List<String> referring = bucketStore.all().stream().filter(o -> o.id() != id && (b.name().equals(o.exhaustedBucket())
                || o.transitions().stream().anyMatch(t -> b.name().equals(t.toBucket())))).map(Bucket::name).toList();
        if (!referring.isEmpty()) {
            throw new ConflictException("id", "bucket " + b.name() + " is a transition target of " + referring);
        }
        long inUse = Jdbc.read(ds, c -> count(c, "SELECT COUNT(*) FROM queue_entry WHERE bucket_id = ? AND status <> 'FINISHED'", id));
        if (inUse > 0) {
            throw new ConflictException("id", "bucket " + b.name() + " still holds " + inUse + " contacts; move them first");
        }
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE queue_entry SET bucket_id = NULL WHERE bucket_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
        bucketStore.delete(id);
        invalidate();
    }

    private static long count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void admin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("only an admin may define buckets");
        }
    }

    @Override
    public EnqueueResult enqueue(Actor actor, long bucketId, List<Long> contactIds, Double priority, boolean move) {
        if (!actor.isAdmin() && actor.role() != Role.MANAGER) {
            throw new AccessDeniedException("only managers and admins may put contacts in buckets");
        }
        Bucket bucket = bucketStore.find(bucketId).orElseThrow(() -> new NotFoundException("bucket", bucketId));
        if (contactIds == null || contactIds.isEmpty() || contactIds.size() > MAX_ENQUEUE) {
            throw new ValidationException("contactIds", "between 1 and " + MAX_ENQUEUE + " contact ids");
        }
        if (priority != null && (priority.isNaN() || priority.isInfinite())) {
            throw new ValidationException("priority", "must be a number");
        }
        Map<Long, String> refused = new LinkedHashMap<>();
        Map<Long, Contact> found = new LinkedHashMap<>();
        Map<Long, String> numbers = new LinkedHashMap<>();
        for (Long id : contactIds) {
            if (id == null) {
                refused.put(-1L, "null contact id");
                continue;
            }
            try {
                Contact contact = contacts.get(actor, id);
                Optional<String> phone = contact.phones().stream().map(p -> compliance.usNumber(p.number()))
                        .flatMap(Optional::stream).findFirst();
                if (phone.isEmpty()) {
                    refused.put(id, contact.phones().isEmpty() ? "no phone number" : "no valid US phone number");
                } else {
                    found.put(id, contact);
                    numbers.put(id, phone.get());
                }
            } catch (NotFoundException | AccessDeniedException e) {
                refused.put(id, e.getMessage());
            }
        }
        Instant now = clock.instant();
        int[] counts = Jdbc.inTransaction(ds, c -> {
            int added = 0;
            int moved = 0;
            for (Contact contact : found.values()) {
                String result = Enqueue.one(c, contact, numbers.get(contact.id()), bucket, priority, move, now,
                        actor.username());
                switch (result) {
                    case Enqueue.ADDED -> added++;
                    case Enqueue.MOVED -> moved++;
                    default -> refused.put(contact.id(), result);
                }
            }
            return new int[] {added, moved};
        });
        return new EnqueueResult(counts[0], counts[1], refused);
    }

    @Override
    public Optional<Claim> next(Actor actor) {
        Optional<Claim> claim = claimer.next(actor);
        claim.ifPresent(c -> post(org.evergreencrm.api.queue.QueueEvents.CLAIMED, c.contactId(), c.attemptId(), actor, null));
        return claim;
    }

    @Override
    public OutcomeResult record(Actor actor, long attemptId, OutcomeReport report) {
        OutcomeResult r = outcomes.record(actor, attemptId, report);
        post(org.evergreencrm.api.queue.QueueEvents.OUTCOME, r.contactId(), attemptId, actor, r.outcome().name());
        return r;
    }

    /** Optional: with no EventAdmin the queue works the same, unannounced. */
    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    volatile org.osgi.service.event.EventAdmin events;

    private void postBlocked(long contactId, String code, String reason, java.time.Instant until) {
        org.osgi.service.event.EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(org.evergreencrm.api.queue.QueueEvents.CONTACT_ID, contactId);
        props.put(org.evergreencrm.api.queue.QueueEvents.CODE, code == null ? "BLOCKED" : code);
        props.put(org.evergreencrm.api.queue.QueueEvents.REASON, reason == null ? "" : reason);
        props.put(org.evergreencrm.api.queue.QueueEvents.UNTIL, until.toEpochMilli());
        admin.postEvent(new org.osgi.service.event.Event(org.evergreencrm.api.queue.QueueEvents.BLOCKED, props));
    }

    private void post(String topic, long contactId, long attemptId, Actor actor, String outcome) {
        org.osgi.service.event.EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(org.evergreencrm.api.queue.QueueEvents.CONTACT_ID, contactId);
        props.put(org.evergreencrm.api.queue.QueueEvents.ATTEMPT_ID, attemptId);
        props.put(org.evergreencrm.api.queue.QueueEvents.USERNAME, actor.username() == null ? "system" : actor.username());
        if (outcome != null) {
            props.put(org.evergreencrm.api.queue.QueueEvents.OUTCOME_NAME, outcome);
        }
        admin.postEvent(new org.osgi.service.event.Event(topic, props));
    }

    @Override
    public List<BucketStats> stats() {
        return QueueStats.of(ds, bucketStore.all(), clock.instant());
    }

    @Override
    public List<org.evergreencrm.api.queue.OutcomeCount> outcomes(Actor actor, int days) {
        if (days < 1 || days > 366) {
            throw new org.evergreencrm.api.ValidationException("days", "1 to 366");
        }
        return QueueStats.outcomes(ds, clock.instant().minus(java.time.Duration.ofDays(days)), contacts.visibleOwners(actor));
    }

    @Override
    public ContactQueueState state(Actor actor, long contactId) {
        contacts.checkRead(actor, contactId); // the contact's own rule (the claimant may read it while the claim is held)
        return Jdbc.read(ds, c -> {
            // a contact that was never queued has no entry, but may still have compliance decisions (a manual dial)
            Optional<QueueEntry> entry = QueueStore.entry(c, contactId);
            return new ContactQueueState(entry.orElse(null), QueueStore.history(c, contactId), QueueStore.attempts(c, contactId),
                    compliance.decisions(Actor.system(), contactId, null, 50));
        });
    }

    @Override
    public int expireLeases(Instant now) {
        return claimer.expire(now);
    }
}
