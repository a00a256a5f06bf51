package org.evergreencrm.dedup.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.dedup.CandidatePair;
import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.dedup.MatchResult;
import org.evergreencrm.api.dedup.PersonRecord;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.store.ContactRepository;
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
    private final ContactRepository repository;
    private final DedupRepository queue;
    private final DuplicateFinder finder;
    private final double reviewThreshold;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status("IDLE", null, 0, 0, 0, 0, 0, "no run yet", null, null));
    private final AtomicBoolean cancel = new AtomicBoolean();
    /** The last finished run's pairs, held here once read; the table {@code dedup_run_pair} is where they live. */
    private volatile RunPairs.Stored last;
    private final RunPairs runPairs;
    private final MatchKeyRefresh keys;
    private volatile Thread worker;
    private final String node = java.util.UUID.randomUUID().toString();
    private final int staleSeconds;
    private volatile long jobId = -1;
    /** When the running job last wrote its heartbeat (epoch ms); its own work writes it (see {@link #alive()}). */
    private final java.util.concurrent.atomic.AtomicLong lastBeat = new java.util.concurrent.atomic.AtomicLong();
    private static final long BEAT_MILLIS = 2_000;

    /** Batch searches normalize addresses as the detector does (the USPS normalizer while the address bundle runs). */
    private final SwitchableAddressNormalizer addresses = new SwitchableAddressNormalizer();

    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    void bindAddressNormalizer(org.evergreencrm.api.dedup.AddressNormalizer n) {
        addresses.bind(n);
    }

    void unbindAddressNormalizer(org.evergreencrm.api.dedup.AddressNormalizer n) {
        addresses.unbind(n);
    }

    @Activate
    public DedupJobService(@Reference ContactService contacts, @Reference ContactRepository repository,
            @Reference DedupRepository queue, DuplicateDetectorImpl.Config config,
            @Reference(target = "(osgi.jndi.service.name=evergreen)") javax.sql.DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.dedup)") org.evergreencrm.api.store.SchemaReady schema,
            @Reference MatchKeyRefresh keys) {
        this.runPairs = new RunPairs(ds);
        this.keys = keys;
        this.contacts = contacts;
        this.repository = repository;
        this.queue = queue;
        this.finder = new DuplicateFinder(PersonNormalizer.defaults(config.defaultRegion(), addresses), FellegiSunterModel.defaults());
        this.reviewThreshold = config.reviewThreshold();
        this.staleSeconds = Math.max(1, config.resumeAfterSeconds());
        queue.lastJob().ifPresent(last -> status.set(last.status()));
        // a run interrupted by a stop or crash (state RUNNING, heartbeat gone stale) is taken over and resumed by
        // DedupResumeCheck, a recurring task on the platform scheduler
    }

    @Override
    public KeyRefresh keyRefresh() {
        return keys.status();
    }

    /** How old a running job's heartbeat may get before another node (or this one after a restart) takes it over. */
    int staleSeconds() {
        return staleSeconds;
    }

    /** Resumes the last run when it was left RUNNING by a node that stopped (its heartbeat is stale). */
    synchronized void resumeIfInterrupted() {
        try {
            if ("RUNNING".equals(running())) {
                return;
            }
            java.util.Optional<org.evergreencrm.api.store.DedupJobRow> last = queue.lastJob();
            if (last.isEmpty() || !"RUNNING".equals(last.get().status().state())) {
                return;
            }
            org.evergreencrm.api.store.DedupJobRow row = last.get();
            java.time.Instant now = clock.instant();
            if (!queue.takeOverJob(row.id(), node, now.minusSeconds(staleSeconds), now)) {
                return;
            }
            FellegiSunterModel model = FellegiSunterModel.fromJson(row.model()).orElse(null);
            LOG.info("resuming the duplicate search {} interrupted during {} ({})", row.id(), row.status().phase(),
                    model == null ? "learning again" : "with the model it had learned");
            launch(row.id(), new Status("RUNNING", "loading", 0, contacts.count(), 0, 0, 0, "resumed after a restart (resume "
                    + (row.resumes() + 1) + ")" + (model == null ? "" : ", learned model kept"), row.status().startedAt(), null), model);
        } catch (RuntimeException e) {
            LOG.warn("could not check for an interrupted duplicate search: {}", e.getMessage());
            throw e; // the scheduler counts the failure and retries with backoff
        }
    }

    private String running() {
        Thread t = worker;
        return t != null && t.isAlive() ? "RUNNING" : "IDLE";
    }

    /**
     * The running job's heartbeat, written from its own work (the finder calls {@code alive()} every few thousand
     * records or pairs, on whichever thread did them), at most every {@value #BEAT_MILLIS} ms: a job that stops making
     * progress stops beating, and so can be taken over. One thread writes; the others skip.
     */
    private void alive() {
        long now = System.currentTimeMillis();
        long last = lastBeat.get();
        long id = jobId;
        if (id > 0 && now - last >= BEAT_MILLIS && lastBeat.compareAndSet(last, now)) {
            try {
                queue.saveJob(id, status.get(), clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("duplicate search heartbeat failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized Status start(Actor actor) {
        requireAdminOrManager(actor);
        if ("RUNNING".equals(running())) {
            return status.get();
        }
        java.util.Optional<org.evergreencrm.api.store.DedupJobRow> last = queue.lastJob();
        if (last.isPresent() && "RUNNING".equals(last.get().status().state()) && last.get().heartbeatAt() != null
                && last.get().heartbeatAt().isAfter(clock.instant().minusSeconds(staleSeconds))) {
            return last.get().status(); // running on another node
        }
        Status s = new Status("RUNNING", "loading", 0, contacts.count(), 0, 0, 0, "started by " + actor.username(),
                clock.instant(), null);
        long id = queue.createJob(s, actor.username(), node, clock.instant());
        launch(id, s, null);
        return status.get();
    }

    private void launch(long id, Status initial, FellegiSunterModel model) {
        cancel.set(false);
        jobId = id;
        status.set(initial);
        Thread t = new Thread(() -> run(model), "evergreen-dedup-job");
        t.setDaemon(true);
        worker = t;
        t.start();
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
        return stored().pairs();
    }

    /** Contact id → external id (custom field {@code externalId}) of the contacts in the last run's pairs. */
    java.util.Map<String, String> lastExternalIds() {
        return stored().externalIds();
    }

    /** The last finished run's pairs: from memory, else (after a restart) from the table. */
    private RunPairs.Stored stored() {
        RunPairs.Stored s = last;
        if (s != null) {
            return s;
        }
        java.util.Optional<org.evergreencrm.api.store.DedupJobRow> row = queue.lastJob();
        long id = row.filter(r -> "DONE".equals(r.status().state())).map(org.evergreencrm.api.store.DedupJobRow::id).orElse(-1L);
        s = id < 0 ? new RunPairs.Stored(List.of(), java.util.Map.of()) : runPairs.load(id);
        last = s;
        return s;
    }

    double reviewThreshold() {
        return reviewThreshold;
    }

    @Deactivate
    void stop() {
        interrupted = true;
        cancel.set(true);
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Set when the component stops: the run ends without being marked CANCELLED, so it is resumed later. */
    private volatile boolean interrupted;

    private void run(FellegiSunterModel learned) {
        Status start = status.get();
        try {
            List<PersonRecord> records = new ArrayList<>();
            java.util.Map<String, String> externalIds = new java.util.HashMap<>();
            repository.scanPersons(m -> {
                if (records.size() % 10_000 == 0) {
                    if (cancel.get()) {
                        throw new DuplicateFinder.Cancelled();
                    }
                    update("loading", records.size(), start.total(), 0, 0, 0);
                    alive();
                }
                records.add(m.person());
                if (m.externalId() != null) {
                    externalIds.put(Long.toString(m.id()), m.externalId());
                }
            });
            DuplicateFinder.Run run = finder.run(records, new DuplicateFinder.Listener() {
                @Override
                public void progress(String phase, long done, long total) {
                    update(phase, done, total, 0, 0, 0);
                }

                @Override
                public boolean cancelled() {
                    return cancel.get();
                }

                @Override
                public void learned(FellegiSunterModel model) {
                    queue.saveJobModel(jobId, model.toJson());
                }

                @Override
                public void alive() {
                    DedupJobService.this.alive();
                }
            }, learned);
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
                alive();
            }
            // the pairs are stored before the run says DONE, so a DONE run always has its pairs
            runPairs.replace(jobId, run.pairs(), externalIds);
            last = new RunPairs.Stored(run.pairs(), externalIds);
            Status s = status.get();
            status.set(new Status("DONE", "done", records.size(), records.size(), likely.size(), s.clusters(), queued,
                    run.candidatePairs() + " candidate pairs compared; " + likely.size() + " likely duplicates in "
                            + s.clusters() + " clusters; " + queued + " new in the review queue"
                            + (start.message() != null && start.message().startsWith("resumed") ? "; " + start.message() : ""),
                    start.startedAt(), clock.instant()));
            persist();
            LOG.info("duplicate search done: {}", status.get().message());
        } catch (DuplicateFinder.Cancelled e) {
            if (interrupted) {
                LOG.info("duplicate search {} interrupted by a stop during {}; it resumes when Evergreen is back", jobId,
                        status.get().phase());
                return;
            }
            Status s = status.get();
            status.set(new Status("CANCELLED", s.phase(), s.done(), s.total(), 0, 0, 0, "cancelled during " + s.phase(),
                    start.startedAt(), clock.instant()));
            persist();
        } catch (RuntimeException e) {
            LOG.error("duplicate search failed", e);
            Status s = status.get();
            status.set(new Status("FAILED", s.phase(), s.done(), s.total(), 0, 0, 0, String.valueOf(e.getMessage()),
                    start.startedAt(), clock.instant()));
            persist();
        }
    }

    private void update(String phase, long done, long total, int pairs, int clusters, int queued) {
        Status s = status.get();
        status.set(new Status("RUNNING", phase, done, total, pairs, clusters, queued, s.message(), s.startedAt(), null));
        if (!phase.equals(s.phase())) {
            persist();
        }
    }

    private void persist() {
        try {
            queue.saveJob(jobId, status.get(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not save the duplicate search's state: {}", e.getMessage());
        }
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
