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

    /**
     * The second generator's people (no phones, no e-mails; typos, swapped, replaced and missing values, up to five
     * duplicates each) written by the shell, imported through REST, searched with a batch run at default settings and
     * evaluated against their true pairs; then the dedup bundle restarts and the export and evaluation are the same.
     */
    void linkageCsvImportedSearchedAndEvaluated() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("karaf.data"), "linkage-it");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Path people = dir.resolve("people.csv");
        java.nio.file.Path truth = dir.resolve("truth.csv");
        String written = support.shell("crm:dedup-synthetic --linkage -n 2000 --seed 5 " + people + " " + truth);
        assertTrue(written, written.contains("true pairs"));
        String csv = java.nio.file.Files.readString(people);
        assertTrue("no phones or e-mails in the file", csv.lines().skip(1).allMatch(l -> l.endsWith(",,")));
        StringBuilder query = new StringBuilder("/api/v1/duplicates/import?source=linkage-it");
        for (String m : new String[] {"externalId=rec_id", "givenName=given_name", "surname=surname", "streetNumber=street_number",
            "address1=address_1", "address2=address_2", "city=suburb", "postcode=postcode", "state=state", "dateOfBirth=date_of_birth"}) {
            query.append("&map=").append(java.net.URLEncoder.encode(m, java.nio.charset.StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        Http.Reply imported = support.http().raw("POST", query.toString(), "admin", EvergreenTestSupport.ADMIN_PASSWORD,
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertEquals(imported.toString(), 200, imported.status());
        long rows = csv.lines().count() - 1;
        assertEquals(imported.body(), rows, imported.json().get("rows").asLong());
        // a record is refused only when it has no identifying field (no name, and no address with a birth date);
        // their true pairs count as missed in the evaluation below
        long created = imported.json().get("created").asLong();
        assertEquals(imported.body(), rows, created + imported.json().get("errors").size());
        assertTrue(imported.body(), created >= rows * 0.995);
        long t1 = System.nanoTime();

        Http.Reply started = support.http().send("POST", "/api/v1/duplicates/jobs", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null);
        assertEquals(started.toString(), 200, started.status());
        JsonNode status = null;
        for (int i = 0; i < 600; i++) {
            status = support.http().send("GET", "/api/v1/duplicates/jobs/current", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
            if ("DONE".equals(status.get("state").asText()) || "FAILED".equals(status.get("state").asText())) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(String.valueOf(status), "DONE", status.get("state").asText());
        long t2 = System.nanoTime();

        byte[] truePairs = java.nio.file.Files.readAllBytes(truth);
        Http.Reply evaluated = support.http().raw("POST", "/api/v1/duplicates/evaluate", "admin", EvergreenTestSupport.ADMIN_PASSWORD,
                truePairs, "text/csv");
        assertEquals(evaluated.toString(), 200, evaluated.status());
        JsonNode atReview = evaluated.json().get(0);
        System.out.printf("[evergreen] linkage CSV in the distribution: %d records, %d true pairs, import %.1f s, search %.1f s;"
                + " at %.2f P=%.4f R=%.4f F1=%.4f; best %.3f F1=%.4f%n", rows, truePairs.length == 0 ? 0 : new String(truePairs,
                java.nio.charset.StandardCharsets.UTF_8).lines().count() - 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                atReview.get("threshold").asDouble(), atReview.get("precision").asDouble(), atReview.get("recall").asDouble(),
                atReview.get("f1").asDouble(), evaluated.json().get(1).get("threshold").asDouble(), evaluated.json().get(1).get("f1").asDouble());
        assertEquals("default settings: the review threshold", 0.8, atReview.get("threshold").asDouble(), 1e-9);
        assertTrue(evaluated.body(), atReview.get("f1").asDouble() >= 0.99);

        // the stored contacts' match keys are brought to this version's keys in the background (the online check's
        // lookup; here the database was new, so the refresh found what it had to do done when it started)
        JsonNode keys = null;
        for (int i = 0; i < 240; i++) {
            keys = support.http().send("GET", "/api/v1/duplicates/keys", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
            if ("DONE".equals(keys.get("state").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(String.valueOf(keys), "DONE", keys.get("state").asText());
        // blocking keys version 2, made with the address bundle's USPS normalizer (…01; the built-in basic one is …00)
        assertEquals(String.valueOf(keys), 201, keys.get("keyVersion").asInt());
        assertTrue(String.valueOf(keys), keys.get("contacts").asLong() >= created);
        String shellStatus = support.shell("crm:dedup-status");
        assertTrue(shellStatus, shellStatus.contains("stored match keys (version") && shellStatus.contains("DONE"));

        Http.Reply before = support.http().send("GET", "/api/v1/duplicates/pairs.csv?threshold=0.05", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null);
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
        Http.Reply after = null;
        for (int i = 0; i < 80 && (after == null || after.status() != 200); i++) {
            after = support.http().send("GET", "/api/v1/duplicates/pairs.csv?threshold=0.05", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null);
            Thread.sleep(after.status() == 200 ? 0 : 250);
        }
        assertEquals("pairs.csv after a restart", before.body(), after.body());
        Http.Reply again = support.http().raw("POST", "/api/v1/duplicates/evaluate", "admin", EvergreenTestSupport.ADMIN_PASSWORD,
                truePairs, "text/csv");
        assertEquals("the evaluation after a restart", evaluated.body(), again.body());
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
