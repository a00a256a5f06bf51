package org.evergreencrm.leads.internal;

import org.apache.camel.builder.RouteBuilder;

/** The intake pipeline as a Camel route in the integration bundle's CamelContext (contributed as a service). */
final class IntakeRoutes extends RouteBuilder {
    static final String INTAKE = "direct:lead-intake";
    private final LeadPipeline steps;

    IntakeRoutes(LeadPipeline steps) {
        this.steps = steps;
    }

    @Override
    public void configure() {
        from(INTAKE).routeId("lead-intake")
                .process(steps::alreadyStored).id("already-stored")
                .process(steps::map).id("map-and-validate")
                .process(steps::duplicateCheck).id("duplicate-check")
                .process(steps::assign).id("assign")
                .process(steps::store).id("store")
                .process(steps::publish).id("event")
                .process(steps::enqueue).id("call-queue");
    }
}
