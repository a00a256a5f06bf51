package org.evergreencrm.dedup.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.Page;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.dedup.CandidatePair;
import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.dedup.MatchResult;
import org.evergreencrm.api.dedup.PersonRecord;
import org.evergreencrm.api.dedup.PersonRecords;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.store.DedupRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the batch duplicate search in a background thread: reads every contact page by page, finds and scores
 * candidate pairs (parameters learned from the data), and queues the likely duplicates for review. Re-running is
 * safe: queued pairs are updated, merged and rejected pairs are left alone.
 */
@Component(service = {DedupJobs.class, DedupJobService.class}, configurationPid = "org.evergreencrm.dedup")
public final class DedupJobService implements DedupJobs {
    private static final Logger LOG = LoggerFactory.getLogger(DedupJobService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContactService contacts;
    private final DedupRepository queue;
    private final DuplicateFinder finder;
    private final double reviewThreshold;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status("IDLE", null, 0, 0, 0, 0, 0, "no run yet", null, null));
    private final AtomicBoolean cancel = new AtomicBoolean();
    private volatile List<MatchResult> lastPairs = List.of();
    private volatile java.util.Map<String, String> lastExternalIds = java.util.Map.of();
    private volatile Thread worker;

    @Activate
    public DedupJobService(@Reference ContactService contacts, @Reference DedupRepository queue,
            DuplicateDetectorImpl.Config config) {
        this.contacts = contacts;
        this.queue = queue;
        this.finder = new DuplicateFinder(PersonNormalizer.defaults(config.defaultRegion()), FellegiSunterModel.defaults());
        this.reviewThreshold = config.reviewThreshold();
    }

    @Override
    public synchronized Status start(Actor actor) {
        requireAdminOrManager(actor);
        if ("RUNNING".equals(status.get().state())) {
            return status.get();
        }
        cancel.set(false);
        status.set(new Status("RUNNING", "loading", 0, contacts.count(), 0, 0, 0, "started by " + actor.username(),
                clock.instant(), null));
        Thread t = new Thread(this::run, "evergreen-dedup-job");
        t.setDaemon(true);
        worker = t;
        t.start();
        return status.get();
    }

    @Override
    public Status status() {
        return status.get();
    }

    @Override
    public Status cancel(Actor actor) {
        requireAdminOrManager(actor);
        cancel.set(true);
        return status.get();
    }

    @Override
    public List<MatchResult> lastPairs() {
        return lastPairs;
    }

    /** Contact id → external id (custom field {@code externalId}) of the contacts in the last run. */
    java.util.Map<String, String> lastExternalIds() {
        return lastExternalIds;
    }

    double reviewThreshold() {
        return reviewThreshold;
    }

    @Deactivate
    void stop() {
        cancel.set(true);
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        Status start = status.get();
        try {
            List<PersonRecord> records = new ArrayList<>();
            java.util.Map<String, String> externalIds = new java.util.HashMap<>();
            String cursor = null;
            do {
                if (cancel.get()) {
                    throw new DuplicateFinder.Cancelled();
                }
                Page<Contact> page = contacts.search(Actor.system(),
                        new ContactQuery(null, null, null, null, null, null, cursor, ContactQuery.MAX_LIMIT));
                for (Contact c : page.items()) {
                    records.add(PersonRecords.of(c));
                    Object ext = c.customFields().get(PersonRecords.EXTERNAL_ID);
                    if (ext != null) {
                        externalIds.put(Long.toString(c.id()), ext.toString());
                    }
                }
                cursor = page.nextCursor();
                update("loading", records.size(), start.total(), 0, 0, 0);
            } while (cursor != null);
            DuplicateFinder.Run run = finder.run(records, new DuplicateFinder.Listener() {
                @Override
                public void progress(String phase, long done, long total) {
                    update(phase, done, total, 0, 0, 0);
                }

                @Override
                public boolean cancelled() {
                    return cancel.get();
                }
            });
            List<MatchResult> likely = run.above(reviewThreshold);
            update("queueing", 0, likely.size(), likely.size(), DuplicateFinder.clusters(likely), 0);
            List<CandidatePair> pairs = new ArrayList<>();
            for (MatchResult m : likely) {
                pairs.add(new CandidatePair(0, Long.parseLong(m.leftId()), Long.parseLong(m.rightId()),
                        m.probability(), explanation(m), CandidatePair.PENDING, null, null, null));
            }
            int queued = 0;
            for (int i = 0; i < pairs.size(); i += 500) {
                queued += queue.offer(pairs.subList(i, Math.min(pairs.size(), i + 500)), clock.instant());
            }
            lastPairs = run.pairs();
            lastExternalIds = externalIds;
            Status s = status.get();
            status.set(new Status("DONE", "done", records.size(), records.size(), likely.size(), s.clusters(), queued,
                    run.candidatePairs() + " candidate pairs compared; " + likely.size() + " likely duplicates in "
                            + s.clusters() + " clusters; " + queued + " new in the review queue",
                    start.startedAt(), clock.instant()));
            LOG.info("duplicate search done: {}", status.get().message());
        } catch (DuplicateFinder.Cancelled e) {
            Status s = status.get();
            status.set(new Status("CANCELLED", s.phase(), s.done(), s.total(), 0, 0, 0, "cancelled during " + s.phase(),
                    start.startedAt(), clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("duplicate search failed", e);
            Status s = status.get();
            status.set(new Status("FAILED", s.phase(), s.done(), s.total(), 0, 0, 0, String.valueOf(e.getMessage()),
                    start.startedAt(), clock.instant()));
        }
    }

    private void update(String phase, long done, long total, int pairs, int clusters, int queued) {
        Status s = status.get();
        status.set(new Status("RUNNING", phase, done, total, pairs, clusters, queued, s.message(), s.startedAt(), null));
    }

    private static String explanation(MatchResult m) {
        try {
            return JSON.writeValueAsString(m.fields());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void requireAdminOrManager(Actor actor) {
        if (actor.role() == org.evergreencrm.api.security.Role.REP) {
            throw new AccessDeniedException("the duplicate search is for managers and admins");
        }
    }
}
