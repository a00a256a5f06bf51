package org.evergreencrm.leads.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.IntakeResult;
import org.evergreencrm.api.lead.LeadFeed;
import org.evergreencrm.api.lead.LeadIntake;
import org.evergreencrm.api.store.SchemaReady;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every {@link LeadFeed} service — plugins, and the provider APIs configured in {@code etc/} ({@link PolledProvider}):
 * one Camel timer route per feed ({@code lead-feed-NAME}), contributed to the CamelContext while the feed's service
 * exists and removed with it. Each poll's leads go through the intake as one batch (source {@code feed:NAME}); the
 * cursor is kept in the database ({@code lead_feed_state}) and moves on only when the poll's leads were all stored or
 * kept as dead letters, so a failed poll or a restart asks again — the intake's idempotency makes that harmless.
 */
@Component(service = FeedPoller.class, immediate = true)
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private final BundleContext context;
    private final LeadIntake intake;
    private final FeedStates states;
    private final Map<LeadFeed, ServiceRegistration<RoutesBuilder>> routes = new ConcurrentHashMap<>();
    private final List<LeadFeed> pending = new CopyOnWriteArrayList<>();
    private volatile boolean active;

    @Activate
    public FeedPoller(BundleContext context, @Reference LeadIntake intake,
            @Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds, @Reference(target = "(evergreen.schema=org.evergreencrm.leads)") SchemaReady schemaReady) {
        this.context = context;
        this.intake = intake;
        this.states = new FeedStates(ds);
        this.active = true;
        pending.forEach(this::start);
        pending.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeFeed")
    void addFeed(LeadFeed feed) {
        if (!active) {
            pending.add(feed);
            return;
        }
        start(feed);
    }

    void removeFeed(LeadFeed feed) {
        pending.remove(feed);
        ServiceRegistration<RoutesBuilder> r = routes.remove(feed);
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // gone already
            }
            LOG.info("lead feed {} stopped", feed.name());
        }
    }

    private void start(LeadFeed feed) {
        String name = feed.name();
        long period = Math.max(1000, feed.interval().toMillis());
        RouteBuilder builder = new RouteBuilder() {
            @Override
            public void configure() {
                fromF("timer:lead-feed-%s?period=%d&delay=500", name, period).routeId("lead-feed-" + name)
                        .process(e -> poll(feed));
            }
        };
        routes.put(feed, context.registerService(RoutesBuilder.class, builder, null));
        LOG.info("lead feed {} polled every {} ms", name, period);
    }

    /** One poll: fetch after the stored cursor, take the leads in, then move the cursor on. */
    void poll(LeadFeed feed) {
        String source = "feed:" + feed.name();
        Instant now = Instant.now();
        LeadFeed.Batch batch;
        try {
            batch = feed.poll(states.get(source).map(org.evergreencrm.api.lead.FeedState::cursor).orElse(null));
        } catch (Exception e) {
            LOG.warn("lead feed {}: poll failed, asked again next time: {}", feed.name(), e.toString());
            states.failed(source, e.toString(), now);
            return;
        }
        List<IncomingLead> leads = new ArrayList<>(batch.leads().size());
        for (IncomingLead l : batch.leads()) {
            leads.add(new IncomingLead(source, l.sourceLeadId(), l.fields(), l.rawPayload(), l.receivedAt() == null ? now : l.receivedAt(),
                    l.referredBy()));
        }
        try {
            List<IntakeResult> results = intake.submitAll(leads);
            states.succeeded(source, batch.nextCursor(), now);
            long stored = results.stream().filter(IntakeResult::stored).count();
            if (!leads.isEmpty()) {
                LOG.info("lead feed {}: {} of {} leads taken in, {} kept as dead letters", feed.name(), stored, leads.size(),
                        leads.size() - stored);
            }
        } catch (RuntimeException e) {
            LOG.warn("lead feed {}: leads could not be recorded, asked again next time: {}", feed.name(), e.toString());
            states.failed(source, e.toString(), now);
        }
    }

    @Deactivate
    void stop() {
        active = false;
        new ArrayList<>(routes.keySet()).forEach(this::removeFeed);
    }
}
