package org.evergreencrm.ops.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

import io.micrometer.core.instrument.Counter;

/**
 * Counts the domain events this node saw: leads received per source ({@code lead/CREATED}), SLA breaches, call-queue
 * claims and outcomes per outcome — rates for dashboards, per node (sum them over nodes).
 */
@Component(service = EventHandler.class, property = {
    "event.topics=org/evergreencrm/lead/*",
    "event.topics=org/evergreencrm/queue/*"})
public final class LeadEventMeter implements EventHandler {
    private final Metrics metrics;

    @Activate
    public LeadEventMeter(@Reference Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        String kind = topic.substring(topic.lastIndexOf('/') + 1);
        if (topic.startsWith("org/evergreencrm/lead/")) {
            Object source = event.getProperty("lead.source");
            Counter.builder("evergreen.lead.events").description("Lead events seen by this node")
                    .tag("event", kind).tag("source", kind.equals("CREATED") && source != null ? source.toString() : "")
                    .register(metrics.registry()).increment();
        } else {
            Object outcome = event.getProperty("outcome");
            Counter.builder("evergreen.queue.events").description("Call-queue events seen by this node")
                    .tag("event", kind).tag("outcome", outcome == null ? "" : outcome.toString())
                    .register(metrics.registry()).increment();
        }
    }
}
