package org.evergreencrm.enrichment.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.enrichment.EnrichmentJob;
import org.evergreencrm.api.enrichment.EnrichmentService;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "enrich-run", description = "Standardize and enrich every contact with an address again, on the platform scheduler, showing progress")
@Service
public class EnrichRunCommand implements Action {
    @Reference
    EnrichmentService enrichment;

    @Option(name = "--no-wait", description = "start the job and return; follow it with crm:enrich-jobs")
    boolean noWait;

    @Override
    public Object execute() throws InterruptedException {
        EnrichmentJob job = enrichment.startJob(Actor.system());
        System.out.println("re-enrichment job " + job.id() + ": " + job.total() + " contacts with an address (" + job.state() + ")");
        long shown = -1;
        while (!noWait && !"DONE".equals(job.state()) && !"FAILED".equals(job.state())) {
            Thread.sleep(500);
            job = enrichment.job(Actor.system(), job.id()).orElse(job);
            if (job.done() + job.failed() != shown) {
                shown = job.done() + job.failed();
                System.out.printf("  %d / %d (%d failed)%n", job.done() + job.failed(), job.total(), job.failed());
            }
        }
        System.out.println(job.state() + (job.message() == null ? "" : ": " + job.message()));
        return null;
    }
}
