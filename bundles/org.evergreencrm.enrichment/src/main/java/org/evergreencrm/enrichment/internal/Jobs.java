package org.evergreencrm.enrichment.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.enrichment.EnrichmentJob;
import org.evergreencrm.api.schedule.OneTimeTask;
import org.evergreencrm.api.schedule.TaskScheduler;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-enrichment job: every contact with an address, in id order, is standardized again (so ZIP data imported
 * since is used) and enriched. It runs as the platform scheduler's one-time task {@value #TASK}, on one node, and
 * stores its progress after every page, so a run cut short (a restart, a failed attempt retried by the scheduler)
 * goes on from the last contact done. One job at a time.
 */
final class Jobs {
    static final String TASK = "enrichment-rerun";
    static final Actor ACTOR = new Actor(null, "enrichment-job", Role.ADMIN, null);
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private static final int PAGE = 50;
    private final JobStore jobs;
    private final EnrichmentStore store;
    private final ContactService contacts;
    private final ContactEnricher enricher;
    private final Supplier<AddressService> addresses;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private volatile boolean closed;

    Jobs(JobStore jobs, EnrichmentStore store, ContactService contacts, ContactEnricher enricher, Supplier<AddressService> addresses,
            TaskScheduler scheduler, Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.contacts = contacts;
        this.enricher = enricher;
        this.addresses = addresses;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    synchronized EnrichmentJob start(String by) {
        Optional<JobStore.Row> active = jobs.active();
        if (active.isPresent()) {
            return active.get().job(); // already under way: the same job, not a second one
        }
        long id = jobs.create(by, store.countContactsWithAddress(), clock.instant());
        scheduler.schedule(TASK, "job-" + id, clock.instant(), Long.toString(id));
        return jobs.get(id).orElseThrow().job();
    }

    List<EnrichmentJob> all() {
        return jobs.all(50).stream().map(JobStore.Row::job).toList();
    }

    Optional<EnrichmentJob> get(long id) {
        return jobs.get(id).map(JobStore.Row::job);
    }

    void close() {
        closed = true;
    }

    OneTimeTask task() {
        return new OneTimeTask() {
            @Override
            public String name() {
                return TASK;
            }

            @Override
            public void run(String instance, String data) {
                Jobs.this.run(Long.parseLong(data));
            }
        };
    }

    void run(long id) {
        JobStore.Row row = jobs.get(id).orElseThrow(() -> new NotFoundException("re-enrichment job", id));
        if ("DONE".equals(row.job().state()) || "FAILED".equals(row.job().state())) {
            return;
        }
        long done = row.job().done();
        long failed = row.job().failed();
        long last = row.lastContact();
        AddressService a = addresses.get();
        String mode = a == null ? " (address bundle not running: enriched from the stored addresses, not standardized again)" : "";
        jobs.progress(id, "RUNNING", done, failed, last, "running" + mode, null);
        String lastError = null;
        for (List<Long> page = store.contactsWithAddress(last, PAGE); !page.isEmpty(); page = store.contactsWithAddress(last, PAGE)) {
            for (long contactId : page) {
                if (closed) {
                    jobs.progress(id, "RUNNING", done, failed, last, "interrupted at contact " + last + ": goes on when run again", null);
                    throw new IllegalStateException("enrichment bundle stopping: job " + id + " goes on at its next attempt");
                }
                try {
                    if (a != null) {
                        a.standardizeContact(ACTOR, contactId);
                    }
                    enricher.enrich(contacts.get(ACTOR, contactId), ACTOR.username());
                    done++;
                } catch (NotFoundException gone) {
                    done++; // deleted since the page was read
                } catch (RuntimeException e) {
                    failed++;
                    lastError = "contact " + contactId + ": " + e.getMessage();
                    LOG.warn("re-enrichment job {}: {}", id, lastError);
                }
                last = contactId;
            }
            jobs.progress(id, "RUNNING", done, failed, last, "running: " + done + " done, " + failed + " failed" + mode, null);
        }
        jobs.progress(id, "DONE", done, failed, last, done + " contacts standardized and enriched, " + failed + " failed"
                + (lastError == null ? "" : " (last: " + lastError + ")") + mode, clock.instant());
    }
}
