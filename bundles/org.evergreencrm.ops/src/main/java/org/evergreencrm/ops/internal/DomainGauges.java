package org.evergreencrm.ops.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.evergreencrm.api.lead.LeadIntake;
import org.evergreencrm.api.lead.SourceHealth;
import org.evergreencrm.api.queue.BucketStats;
import org.evergreencrm.api.queue.CallQueue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The domain's numbers as gauges, read from the services (so they are the cluster's numbers, from the shared
 * database) at most every {@code gaugeCacheSeconds}: queue depth per bucket and state, leads and open dead letters
 * per source, and the database pool (HikariCP's MBean). A service that is not there leaves its gauges empty.
 */
@Component(service = DomainGauges.class, configurationPid = "org.evergreencrm.ops")
public final class DomainGauges {
    private static final Logger LOG = LoggerFactory.getLogger(DomainGauges.class);
    private static final String POOL = "com.zaxxer.hikari:type=Pool (evergreen)";
    private final MultiGauge queue;
    private final MultiGauge leads;
    private final MultiGauge deadLetters;
    private final long cacheMillis;
    private volatile long refreshedAt;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CallQueue callQueue;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile LeadIntake intake;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile org.evergreencrm.api.schedule.TaskScheduler scheduler;
    private final MultiGauge schedulerLag;
    private final MultiGauge schedulerFailures;

    @Activate
    public DomainGauges(@Reference Metrics metrics, OpsConfig config) {
        this.cacheMillis = config.gaugeCacheSeconds() * 1000L;
        var registry = metrics.registry();
        queue = MultiGauge.builder("evergreen.queue.contacts").description("Contacts in the call queue by bucket and state")
                .register(registry);
        leads = MultiGauge.builder("evergreen.leads.stored").description("Leads taken in, by source").register(registry);
        deadLetters = MultiGauge.builder("evergreen.leads.dead.letters.open")
                .description("Dead letters still to replay, by source").register(registry);
        schedulerLag = MultiGauge.builder("evergreen.scheduler.lag.seconds")
                .description("How late each scheduled task is (0 when it is not due yet)").register(registry);
        schedulerFailures = MultiGauge.builder("evergreen.scheduler.failures")
                .description("Failed runs in a row per scheduled task").register(registry);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (String state : List.of("ActiveConnections", "IdleConnections", "TotalConnections", "ThreadsAwaitingConnection")) {
            Gauge.builder("evergreen.db.pool", server, s -> attribute(s, state)).tag("state", state)
                    .description("The Evergreen database pool (HikariCP)").register(registry);
        }
    }

    /** Re-reads the numbers when the cache is older than the configured seconds. */
    synchronized void refresh() {
        long now = System.currentTimeMillis();
        if (now - refreshedAt < cacheMillis) {
            return;
        }
        refreshedAt = now;
        CallQueue q = callQueue;
        List<MultiGauge.Row<?>> queueRows = new ArrayList<>();
        if (q != null) {
            try {
                for (BucketStats b : q.stats()) {
                    queueRows.add(MultiGauge.Row.of(Tags.of("bucket", b.name(), "state", "queued"), b.queued()));
                    queueRows.add(MultiGauge.Row.of(Tags.of("bucket", b.name(), "state", "due"), b.dueNow()));
                    queueRows.add(MultiGauge.Row.of(Tags.of("bucket", b.name(), "state", "claimed"), b.claimed()));
                    queueRows.add(MultiGauge.Row.of(Tags.of("bucket", b.name(), "state", "blocked"), b.blocked()));
                }
            } catch (RuntimeException e) {
                LOG.warn("queue gauges not read: {}", e.getMessage());
            }
        }
        queue.register(queueRows, true);
        LeadIntake i = intake;
        List<MultiGauge.Row<?>> leadRows = new ArrayList<>();
        List<MultiGauge.Row<?>> deadRows = new ArrayList<>();
        if (i != null) {
            try {
                for (SourceHealth s : i.sources()) {
                    leadRows.add(MultiGauge.Row.of(Tags.of("source", s.source()), s.leads()));
                    deadRows.add(MultiGauge.Row.of(Tags.of("source", s.source()), s.openDeadLetters()));
                }
            } catch (RuntimeException e) {
                LOG.warn("lead gauges not read: {}", e.getMessage());
            }
        }
        leads.register(leadRows, true);
        deadLetters.register(deadRows, true);
        org.evergreencrm.api.schedule.TaskScheduler sch = scheduler;
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> failureRows = new ArrayList<>();
        if (sch != null) {
            try {
                java.time.Instant at = java.time.Instant.ofEpochMilli(now);
                for (org.evergreencrm.api.schedule.ScheduledTaskStatus t : sch.tasks()) {
                    double lag = t.nextRun() == null || t.runningOn() != null ? 0
                            : Math.max(0, java.time.Duration.between(t.nextRun(), at).toMillis() / 1000.0);
                    lagRows.add(MultiGauge.Row.of(Tags.of("task", t.name()), lag));
                    failureRows.add(MultiGauge.Row.of(Tags.of("task", t.name()), t.consecutiveFailures()));
                }
            } catch (RuntimeException e) {
                LOG.warn("scheduler gauges not read: {}", e.getMessage());
            }
        }
        schedulerLag.register(lagRows, true);
        schedulerFailures.register(failureRows, true);
    }

    private static double attribute(MBeanServer server, String name) {
        try {
            return ((Number) server.getAttribute(new ObjectName(POOL), name)).doubleValue();
        } catch (Exception e) {
            return Double.NaN; // the pool has not registered its MBean (yet)
        }
    }
}
