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
            // a file moves to done/ once every lead in it was stored or kept as a dead letter, to failed/ when it
            // cannot be read; when the database refuses it, it stays and is read again (what was stored is
            // recognized by source and id, so nothing is stored twice) — also after a crash
            fromF("file:%s?include=.*\\.(csv|json)&readLock=changed&readLockMinAge=1000"
                    + "&move=${header.%s}/${file:name}.${date:now:yyyyMMddHHmmssSSS}", dropFolder, DropFiles.OUTCOME)
                    .routeId("lead-file-drop").convertBodyTo(String.class, "UTF-8").process(files::process);
        }
    }
}
