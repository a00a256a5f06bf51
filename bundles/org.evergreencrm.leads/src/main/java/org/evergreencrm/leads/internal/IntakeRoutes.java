package org.evergreencrm.leads.internal;

import org.apache.camel.builder.RouteBuilder;

/** The intake pipeline as a Camel route in the integration bundle's CamelContext (contributed as a service). */
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
                .process(steps::map).id("map-and-validate")
                .process(steps::duplicateCheck).id("duplicate-check")
                .process(steps::assign).id("assign")
                .process(steps::store).id("store")
                .process(steps::publish).id("event")
                .process(steps::enqueue).id("call-queue");
        if (dropFolder != null && !dropFolder.isBlank()) {
            // a file is moved to done/ only after every lead in it was stored or kept as a dead letter; read again
            // after a crash, its leads are recognized (same source and id) and nothing is stored twice
            fromF("file:%s?include=.*\\.(csv|json)&readLock=changed&readLockMinAge=1000&move=done/${file:name}.${date:now:yyyyMMddHHmmssSSS}"
                    + "&moveFailed=failed/${file:name}.${date:now:yyyyMMddHHmmssSSS}", dropFolder)
                    .routeId("lead-file-drop").convertBodyTo(String.class, "UTF-8").process(files::process);
        }
    }
}
