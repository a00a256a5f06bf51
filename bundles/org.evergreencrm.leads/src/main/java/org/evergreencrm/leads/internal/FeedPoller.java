package org.evergreencrm.leads.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.LeadFeed;
import org.evergreencrm.api.lead.LeadIntake;
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
 * Polls every {@link LeadFeed} plugin service: one Camel timer route per feed ({@code lead-feed-NAME}), contributed
 * to the CamelContext while the feed's service exists and removed with it. Each poll's leads go through the intake
 * (source {@code feed:NAME}). The cursor is kept in memory: after a restart a feed is polled from the start again,
 * which the intake's idempotency on (source, id) makes harmless.
 */
@Component(service = FeedPoller.class, immediate = true)
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private final BundleContext context;
    private final LeadIntake intake;
    private final Map<LeadFeed, ServiceRegistration<RoutesBuilder>> routes = new ConcurrentHashMap<>();
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    private volatile boolean active;

    @Activate
    public FeedPoller(BundleContext context, @Reference LeadIntake intake) {
        this.context = context;
        this.intake = intake;
        this.active = true;
        pending.forEach(this::start);
        pending.clear();
    }

    private final java.util.List<LeadFeed> pending = new java.util.concurrent.CopyOnWriteArrayList<>();

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

    private void poll(LeadFeed feed) throws Exception {
        String source = "feed:" + feed.name();
        LeadFeed.Batch batch = feed.poll(cursors.get(source));
        int stored = 0;
        for (IncomingLead l : batch.leads()) {
            try {
                intake.submit(new IncomingLead(source, l.sourceLeadId(), l.fields(), l.rawPayload(), l.receivedAt(), l.referredBy()));
                stored++;
            } catch (RuntimeException e) {
                // kept as a dead letter by the intake
            }
        }
        if (batch.nextCursor() != null) {
            cursors.put(source, batch.nextCursor());
        }
        if (!batch.leads().isEmpty()) {
            LOG.info("lead feed {}: {} of {} leads taken in", feed.name(), stored, batch.leads().size());
        }
    }

    @Deactivate
    void stop() {
        active = false;
        routes.keySet().forEach(this::removeFeed);
    }
}
