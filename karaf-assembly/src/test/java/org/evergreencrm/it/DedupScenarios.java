package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;

import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.store.DedupJobRow;
import org.evergreencrm.api.store.DedupRepository;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/** The batch duplicate search survives a restart: a run left RUNNING by a node that stopped is taken over and resumed. */
final class DedupScenarios {
    private final EvergreenTestSupport support;
    private final BundleContext context;

    DedupScenarios(EvergreenTestSupport support, BundleContext context) throws Exception {
        this.support = support;
        this.context = context;
        support.awaitAllBundlesActive();
    }

    void interruptedBatchSearchIsResumedAfterARestart() throws Exception {
        ServiceTracker<DedupRepository, DedupRepository> tracker = new ServiceTracker<>(context, DedupRepository.class, null);
        tracker.open();
        DedupRepository repo = tracker.waitForService(30_000);
        assertNotNull(repo);
        // what a node that died in the middle of a run leaves behind: RUNNING, its heartbeat ten minutes old
        Instant then = Instant.now().minusSeconds(600);
        long id = repo.createJob(new DedupJobs.Status("RUNNING", "comparing", 0, 0, 0, 0, 0, "started by admin", then, null),
                "admin", "a-node-that-died", then);

        Bundle dedup = null;
        for (Bundle b : context.getBundles()) {
            if ("org.evergreencrm.dedup".equals(b.getSymbolicName())) {
                dedup = b;
            }
        }
        assertNotNull(dedup);
        dedup.stop();
        dedup.start();
        support.awaitAllBundlesActive();

        JsonNode status = null;
        for (int i = 0; i < 240; i++) {
            Http.Reply r = support.http().send("GET", "/api/v1/duplicates/jobs/current", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null);
            if (r.status() == 200) {
                status = r.json();
                if ("DONE".equals(status.get("state").asText())) {
                    break;
                }
            }
            Thread.sleep(250);
        }
        assertNotNull(status);
        assertEquals(status.toString(), "DONE", status.get("state").asText());
        assertTrue(status.toString(), status.get("message").asText().contains("resumed after a restart (resume 1)"));
        DedupJobRow row = repo.lastJob().orElseThrow();
        assertEquals(id, row.id());
        assertEquals("DONE", row.status().state());
        assertEquals(1, row.resumes());
        assertNotNull("the learned model is checkpointed", row.model());

        // the run's results outlive the node's memory: the export and the evaluation answer the same after a restart
        Http.Reply before = support.http().send("GET", "/api/v1/duplicates/pairs.csv?threshold=0.05", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null);
        String truth = "id_a,id_b\n" + before.body().lines().skip(1).limit(3).map(l -> l.split(",")[0] + "," + l.split(",")[1])
                .reduce("", (a, b) -> a + b + "\n") + "not-a-record,nor-this-one\n";
        Http.Reply evalBefore = support.http().raw("POST", "/api/v1/duplicates/evaluate", "admin", EvergreenTestSupport.ADMIN_PASSWORD,
                truth.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        dedup.stop();
        dedup.start();
        support.awaitAllBundlesActive();
        Http.Reply after = null;
        for (int i = 0; i < 80 && (after == null || after.status() != 200); i++) {
            after = support.http().send("GET", "/api/v1/duplicates/pairs.csv?threshold=0.05", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null);
            Thread.sleep(after.status() == 200 ? 0 : 250);
        }
        System.out.println("[evergreen] pairs.csv lines before and after the restart: " + before.body().lines().count());
        assertEquals(before.toString(), 200, before.status());
        assertEquals("pairs.csv after a restart", before.body(), after.body());
        Http.Reply evalAfter = support.http().raw("POST", "/api/v1/duplicates/evaluate", "admin", EvergreenTestSupport.ADMIN_PASSWORD,
                truth.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertEquals(evalBefore.toString(), 200, evalBefore.status());
        assertEquals(evalBefore.status(), evalAfter.status());
        assertEquals("the evaluation after a restart", evalBefore.body(), evalAfter.body());
        tracker.close();
    }
}
