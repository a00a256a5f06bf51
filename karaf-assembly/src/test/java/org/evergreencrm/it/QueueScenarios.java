package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.evergreencrm.api.compliance.CallTarget;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.compliance.Decision;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The call queue and compliance in the running distribution, through REST and the shell. The IT configuration
 * opens the federal window to the whole day (so the test does not depend on the hour it runs at); the Florida rule
 * (08:00–20:00 local) stays as shipped.
 */
final class QueueScenarios {
    private static final String ADMIN = "admin";
    private final EvergreenTestSupport support;
    private final ComplianceService compliance;

    QueueScenarios(EvergreenTestSupport support, BundleContext context) throws Exception {
        this.support = support;
        support.awaitAllBundlesActive();
        ServiceTracker<ComplianceService, ComplianceService> tracker = new ServiceTracker<>(context, ComplianceService.class, null);
        tracker.open();
        this.compliance = tracker.waitForService(30_000);
        assertNotNull("no ComplianceService", compliance);
    }

    private Http.Reply admin(String method, String path, String body) throws Exception {
        return support.http().send(method, path, ADMIN, EvergreenTestSupport.ADMIN_PASSWORD, body);
    }

    private static final String[] NAMES = {"Abbott", "Baxter", "Cortez", "Dunlap", "Ellison", "Fischer", "Garrison", "Holloway",
        "Ingram", "Jessup", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Pemberton", "Quintero", "Rasmussen",
        "Sandoval", "Thibodeaux", "Underwood", "Valentin", "Whitcomb", "Xiong", "Yarborough", "Zielinski", "Ashworth",
        "Blackwood", "Castellano", "Drummond", "Everhart", "Fairbanks", "Gallagher"};
    private static final String[] GIVEN = {"Ada", "Bruno", "Cleo", "Dmitri", "Esme", "Felix", "Gia", "Hugo", "Iris", "Jonas",
        "Kira", "Lars", "Mina", "Nico", "Opal", "Pavel", "Quinn", "Rosa", "Silas", "Tess", "Ugo", "Vera", "Wade", "Xena",
        "Yuri", "Zora", "Amos", "Bea", "Cyrus", "Dara", "Emil", "Faye", "Gus"};

    private long contact(int n, String phone, String state, String zip) throws Exception {
        String json = "{\"kind\":\"PERSON\",\"firstName\":\"" + GIVEN[n] + "\",\"lastName\":\"" + NAMES[n] + "\",\"phones\":[{\"number\":\""
                + phone + "\",\"type\":\"MOBILE\"}],\"address\":{\"line1\":\"" + (100 + 7 * n) + " Elm St\",\"state\":\"" + state
                + "\",\"postalCode\":\"" + zip + "\",\"country\":\"US\"}}";
        Http.Reply r = admin("POST", "/api/v1/contacts", json);
        assertEquals(r.toString(), 201, r.status());
        return r.json().get("id").asLong();
    }

    void floridaRuleInTheShippedConfiguration() {
        ZoneId eastern = ZoneId.of("America/New_York");
        LocalDate today = LocalDate.now(eastern);
        CallTarget tampa = new CallTarget(null, "(813) 555-0142", "FL", "33602");
        Decision late = compliance.check(tampa, today.atTime(20, 30).atZone(eastern).toInstant());
        assertFalse(late.summary(), late.allowed());
        assertEquals("OUTSIDE_CALLING_HOURS", late.code());
        assertTrue(late.summary(), late.summary().contains("20:30") && late.summary().contains("FL"));
        assertTrue(compliance.check(tampa, today.atTime(19, 30).atZone(eastern).toInstant()).allowed());
        CallTarget albany = new CallTarget(null, "(518) 555-0142", "NY", "12207");
        assertTrue("NY follows the (IT-widened) federal window", compliance.check(albany, today.atTime(20, 30).atZone(eastern).toInstant()).allowed());
    }

    void bucketsOutcomesComplianceAndTwoRepsHammeringNext() throws Exception {
        Http http = support.http();
        String s = Long.toString(System.nanoTime() % 100_000);
        Scenarios.Users users = Scenarios.Users.create(http, "q" + s);
        String nurtureName = "it-nurture-" + s;
        assertEquals(201, admin("POST", "/api/v1/queue/buckets", "{\"name\":\"" + nurtureName + "\",\"weight\":0}").status());
        Http.Reply fresh = admin("POST", "/api/v1/queue/buckets", "{\"name\":\"it-fresh-" + s + "\",\"weight\":3,"
                + "\"transitions\":[{\"outcome\":\"NO_ANSWER\",\"action\":\"RETRY\",\"delay\":\"PT2H\"},"
                + "{\"outcome\":\"NOT_INTERESTED\",\"action\":\"MOVE\",\"toBucket\":\"" + nurtureName + "\",\"delay\":\"P30D\"}]}");
        assertEquals(fresh.toString(), 201, fresh.status());
        long freshId = fresh.json().get("id").asLong();
        Http.Reply bad = admin("POST", "/api/v1/queue/buckets", "{\"name\":\"x\",\"transitions\":[{\"outcome\":\"DO_NOT_CALL\",\"action\":\"RETRY\"}]}");
        assertEquals(400, bad.status());
        assertTrue(bad.toString(), bad.contentType().startsWith("application/problem+json") && bad.body().contains("transitions[0].action"));

        List<Long> callable = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            callable.add(contact(i, String.format("(212) 555-%04d", 3000 + i), "NY", "10001"));
        }
        long dnc = contact(30, "(212) 555-3999", "NY", "10001");
        long tampa = contact(31, "(813) 555-3998", "FL", "33602");
        Http.Reply revoked = http.send("POST", "/api/v1/compliance/consents", users.repA(), Scenarios.Users.PASSWORD,
                "{\"phone\":\"212-555-3999\",\"channel\":\"CALL\",\"kind\":\"REVOKE\",\"method\":\"TEXT_STOP\",\"note\":\"replied STOP\"}");
        assertEquals(revoked.toString(), 201, revoked.status());

        List<Long> all = new ArrayList<>(callable);
        all.add(dnc);
        all.add(tampa);
        Http.Reply added = admin("POST", "/api/v1/queue/buckets/" + freshId + "/contacts", "{\"contactIds\":" + all + "}");
        assertEquals(added.toString(), 32, added.json().get("added").asInt());
        Http.Reply denied = http.send("POST", "/api/v1/queue/buckets/" + freshId + "/contacts", users.repA(), Scenarios.Users.PASSWORD, "{\"contactIds\":[1]}");
        assertEquals(403, denied.status());

        boolean floridaOpenNow = compliance.check(new CallTarget(tampa, "(813) 555-3998", "FL", "33602"), Instant.now()).allowed();
        List<Long> a = Collections.synchronizedList(new ArrayList<>());
        List<Long> b = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        Thread repA = new Thread(() -> hammer(http, users.repA(), a, errors));
        Thread repB = new Thread(() -> hammer(http, users.repB(), b, errors));
        repA.start();
        repB.start();
        repA.join();
        repB.join();
        assertEquals("a rep's session failed: " + errors, List.of(), errors);
        Set<Long> both = new HashSet<>(a);
        both.retainAll(b);
        assertEquals("claimed by both reps", Set.of(), both);
        Set<Long> claimed = new HashSet<>(a);
        claimed.addAll(b);
        assertEquals(a.size() + b.size(), claimed.size());
        assertFalse("a DNC number was offered", claimed.contains(dnc));
        assertEquals("Florida offered only inside its calling hours", floridaOpenNow, claimed.contains(tampa));
        assertTrue("not all callable contacts were offered: " + claimed + " vs " + callable, claimed.containsAll(callable));
        assertTrue("both reps got work: " + a.size() + "/" + b.size(), !a.isEmpty() && !b.isEmpty());

        JsonNode why = admin("GET", "/api/v1/queue/contacts/" + dnc, null).json();
        assertEquals(why.toString(), "INTERNAL_DNC", why.get("entry").get("blockedCode").asText());
        assertTrue(why.toString(), why.get("entry").get("blockedReason").asText().contains("TEXT_STOP"));
        assertFalse(why.get("decisions").get(0).get("allowed").asBoolean());
        if (!floridaOpenNow) {
            JsonNode fl = admin("GET", "/api/v1/queue/contacts/" + tampa, null).json();
            assertEquals(fl.toString(), "OUTSIDE_CALLING_HOURS", fl.get("entry").get("blockedCode").asText());
        }

        JsonNode moved = admin("GET", "/api/v1/queue/contacts/" + callable.get(0), null).json();
        String bucketNow = moved.get("entry").get("bucketName").asText();
        assertTrue(moved.toString(), bucketNow.equals(nurtureName) || bucketNow.equals("it-fresh-" + s));
        JsonNode stats = admin("GET", "/api/v1/queue/stats", null).json();
        assertTrue(stats.toString(), stats.toString().contains("INTERNAL_DNC"));
        String shellStats = support.shell("crm:queue-stats");
        assertTrue(shellStats, shellStats.contains("it-fresh-" + s) && shellStats.contains("INTERNAL_DNC"));
        String shellWhy = support.shell("crm:queue-why " + dnc);
        assertTrue(shellWhy, shellWhy.contains("INTERNAL_DNC") && shellWhy.contains("DENIED"));
    }

    /** Claims until nothing is left; every other claim is NOT_INTERESTED (moves to nurture), the rest NO_ANSWER (retry in 2 h). */
    private static void hammer(Http http, String rep, List<Long> claimed, List<Throwable> errors) {
        try {
            for (int i = 0; i < 200; i++) {
                Http.Reply next = http.send("POST", "/api/v1/queue/next", rep, Scenarios.Users.PASSWORD, null);
                if (next.status() == 204) {
                    return;
                }
                assertEquals(next.toString(), 200, next.status());
                JsonNode claim = next.json();
                claimed.add(claim.get("contactId").asLong());
                String outcome = claimed.size() % 2 == 1 ? "NOT_INTERESTED" : "NO_ANSWER";
                Http.Reply r = http.send("POST", "/api/v1/queue/attempts/" + claim.get("attemptId").asLong() + "/outcome", rep,
                        Scenarios.Users.PASSWORD, "{\"outcome\":\"" + outcome + "\"}");
                assertEquals(r.toString(), 200, r.status());
                assertEquals(r.toString(), outcome.equals("NO_ANSWER") ? "RETRY" : "MOVE", r.json().get("action").asText());
            }
            throw new AssertionError("the queue never ran dry");
        } catch (Exception | AssertionError e) {
            errors.add(e);
        }
    }

    void registryImportAndLookup() throws Exception {
        Http http = support.http();
        Http.Reply started = http.send("POST", "/api/v1/compliance/dnc-imports?list=US-NY&name=it.txt", ADMIN,
                EvergreenTestSupport.ADMIN_PASSWORD, null, "Content-Type", "text/plain");
        assertEquals(started.toString(), 202, started.status());
        // the body above is empty: an import of nothing is DONE with 0 numbers; now a real one
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + Integer.getInteger("evergreen.test.http.port") + "/api/v1/compliance/dnc-imports?list=US&name=it.txt"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + EvergreenTestSupport.ADMIN_PASSWORD).getBytes()))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("phone_number\n5185550191\n5185550192\nbad\n5185550193\n")).build();
        java.net.http.HttpResponse<String> res = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(res.body(), 202, res.statusCode());
        long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(res.body()).get("id").asLong();
        JsonNode job = null;
        for (int i = 0; i < 100; i++) {
            job = admin("GET", "/api/v1/compliance/dnc-imports/" + id, null).json();
            if (!"RUNNING".equals(job.get("state").asText())) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(job.toString(), "DONE", job.get("state").asText());
        assertEquals(3, job.get("added").asInt());
        assertEquals(1, job.get("rejected").asInt());
        JsonNode status = admin("GET", "/api/v1/compliance/numbers/518-555-0192", null).json();
        assertEquals(status.toString(), "US", status.get("registryLists").get(0).asText());
        assertTrue(status.get("doNotCall").asBoolean());
        assertEquals("REGISTRY_DNC", status.get("callNow").get("reasons").get(0).get("code").asText());
        JsonNode audit = admin("GET", "/api/v1/compliance/decisions?phone=5185550192", null).json();
        assertEquals(audit.toString(), "LOOKUP", audit.get(0).get("purpose").asText());
        assertEquals(audit.toString(), "admin", audit.get(0).get("actor").asText());
        assertEquals(400, admin("GET", "/api/v1/compliance/numbers/12345", null).status());
        Http.Reply rep = http.send("POST", "/api/v1/compliance/dnc-imports?list=US", "rick-none", "x", null);
        assertEquals(401, rep.status());
    }
}
