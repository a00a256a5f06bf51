package org.evergreencrm.leads.internal;

import org.apache.camel.builder.RouteBuilder;

/**
 * The intake pipeline as a Camel route in the integration bundle's CamelContext (contributed as a service). Its body
 * is a {@link LeadBatch}: one lead from a web form, a page of a feed, or a chunk of a dropped file.
 */
final class IntakeRoutes extends RouteBuilder {
    static final String INTAKE = "direct:lead-intake";
    private final LeadPipeline steps;
    private final String dropFolder;
    private final DropFiles files;

    IntakeRoutes(LeadPipeline steps, String dropFolder, DropFiles files) {
        this.steps = steps;
        this.dropFolder = dropFolder;
        this.files = files;
    }

    @Override
    public void configure() {
        from(INTAKE).routeId("lead-intake")
                .process(steps::alreadyStored).id("already-stored")
                .process(steps::map).id("map")
                .process(steps::validate).id("validate-and-normalize")
                .process(steps::duplicateCheck).id("duplicate-check")
                .process(steps::address).id("address")
                .process(steps::enrich).id("enrich")
                .process(steps::score).id("score")
                .process(steps::assign).id("assign")
                .process(steps::store).id("store")
                .process(steps::publish).id("event")
                .process(steps::enqueue).id("call-queue");
        if (dropFolder != null && !dropFolder.isBlank()) {
            files.route(this, dropFolder, "lead-file-drop");
        }
    }
}
