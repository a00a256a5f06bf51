package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.OptionalDouble;

import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.LeadEnricher;
import org.evergreencrm.api.lead.LeadProfile;
import org.evergreencrm.api.lead.LeadRoutingStrategy;
import org.evergreencrm.api.lead.LeadScorer;
import org.evergreencrm.api.security.User;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lead routing in the distribution, in a container of its own (a 2-second SLA, a chain with a plugin link,
 * territories and a branch): the SLA reassigns with the reason, the first call is recorded on the lead, optional
 * steps and plugin strategies join and leave the pipeline live, reps on leave get nothing, territories and branch
 * radii (with ZIP centroids, when the reference data is present) decide.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvergreenLeadRoutingIT extends EvergreenTestSupport {
    static final File ZIPS = new File("../../shared/data/zip_centroids/us_zip_centroids.csv");

    @Configuration
    public Option[] config() {
        List<Option> options = baseOptions();
        String cfg = "etc/org.evergreencrm.leads.cfg";
        options.add(editConfigurationFilePut(cfg, "slaSeconds", "2"));
        options.add(editConfigurationFilePut(cfg, "routingChain", "availability, territory, it-rep-match, caps, round-robin"));
        options.add(editConfigurationFilePut(cfg, "territory.terry", "OK, 731"));
        options.add(editConfigurationFilePut(cfg, "branch.orlando", "28.5383,-81.3792,25"));
        options.add(editConfigurationFilePut(cfg, "branchReps.orlando", "bianca"));
        if (ZIPS.isFile()) {
            options.add(editConfigurationFilePut(cfg, "zipCentroidsFile", ZIPS.getAbsolutePath()));
        }
        options.add(systemProperty("evergreen.it.zips").value(Boolean.toString(ZIPS.isFile())));
        return options.toArray(new Option[0]);
    }

    private long form(String body) throws Exception {
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + Integer.getInteger("evergreen.test.http.port") + "/intake/forms/demo")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(posted.body(), 202, posted.statusCode());
        return new ObjectMapper().readTree(posted.body()).get("leadId").asLong();
    }

    private JsonNode lead(long id) throws Exception {
        return http().send("GET", "/api/v1/leads/" + id, "admin", ADMIN_PASSWORD, null).json();
    }

    @Test
    public void aLeadNobodyCalledWithinTheSlaIsReassignedWithTheReason() throws Exception {
        awaitAllBundlesActive();
        Scenarios.Users.create(http(), "sla" + (System.nanoTime() % 10_000)); // two reps (and a manager)
        long id = form("first_name=Sally&last_name=Slow&phone=%28321%29+555-0142&submissionId=sla-1");
        JsonNode first = lead(id);
        JsonNode lead = first;
        for (int i = 0; i < 60 && !lead.get("assignmentReason").asText().contains("SLA"); i++) {
            Thread.sleep(250);
            lead = lead(id);
        }
        String reason = lead.get("assignmentReason").asText();
        assertTrue(reason, reason.contains("SLA: no call attempt within 2 s of receipt, reassigned from"));
        assertNotEquals(first.get("assignedTo").asLong(), lead.get("assignedTo").asLong());
        JsonNode contact = http().send("GET", "/api/v1/contacts/" + lead.get("contactId").asLong(), "admin", ADMIN_PASSWORD, null).json();
        for (int i = 0; i < 40 && contact.get("ownerId").asLong() != lead.get("assignedTo").asLong(); i++) {
            Thread.sleep(250); // the lead is escalated first, then its contact moves
            contact = http().send("GET", "/api/v1/contacts/" + lead.get("contactId").asLong(), "admin", ADMIN_PASSWORD, null).json();
        }
        assertEquals("the contact follows the lead", lead.get("assignedTo").asLong(), contact.get("ownerId").asLong());
        Thread.sleep(3000);
        assertEquals("escalated once, not again and again", reason, lead(id).get("assignmentReason").asText());
        // both sweeps are platform scheduler tasks, with their last success on record
        String tasks = shell("crm:schedule-list");
        assertTrue(tasks, tasks.contains("lead-sla-watch") && tasks.contains("queue-lease-sweeper"));
        JsonNode listed = http().send("GET", "/api/v1/schedule/tasks", "admin", ADMIN_PASSWORD, null).json();
        JsonNode sla = null;
        for (JsonNode t : listed) {
            if (t.get("name").asText().equals("lead-sla-watch")) {
                sla = t;
            }
        }
        assertNotNull(listed.toString(), sla);
        assertTrue(sla.toString(), sla.has("lastSuccess") && sla.has("nextRun") && sla.get("registered").asBoolean());
    }

    @Test
    public void theFirstCallIsRecordedOnTheLead() throws Exception {
        awaitAllBundlesActive();
        Scenarios.Users users = Scenarios.Users.create(http(), "fc" + (System.nanoTime() % 10_000));
        long id = form("first_name=Carl&last_name=Called&phone=%28212%29+555-0143&state=NY&zip=10001&submissionId=fc-1");
        long contact = lead(id).get("contactId").asLong();
        String bucket = "it-first-call-" + System.nanoTime() % 10_000;
        Http.Reply b = http().send("POST", "/api/v1/queue/buckets", "admin", ADMIN_PASSWORD, "{\"name\":\"" + bucket + "\",\"weight\":1}");
        assertEquals(b.toString(), 201, b.status());
        assertEquals(200, http().send("POST", "/api/v1/queue/buckets/" + b.json().get("id").asLong() + "/contacts", "admin", ADMIN_PASSWORD,
                "{\"contactIds\":[" + contact + "]}").status());
        Http.Reply claim = http().send("POST", "/api/v1/queue/next", users.repA(), Scenarios.Users.PASSWORD, null);
        assertEquals(claim.toString(), 200, claim.status());
        assertEquals(contact, claim.json().get("contactId").asLong());
        assertTrue("no first call before an outcome", lead(id).path("firstAttemptAt").isMissingNode() || lead(id).get("firstAttemptAt").isNull());
        assertEquals(200, http().send("POST", "/api/v1/queue/attempts/" + claim.json().get("attemptId").asLong() + "/outcome",
                users.repA(), Scenarios.Users.PASSWORD, "{\"outcome\":\"NO_ANSWER\"}").status());
        JsonNode l = lead(id);
        for (int i = 0; i < 40 && !l.has("firstAttemptAt"); i++) {
            Thread.sleep(100);
            l = lead(id);
        }
        assertTrue("the first call is on the lead: " + l, l.has("firstAttemptAt"));
        String why = shell("crm:lead-why " + id);
        assertTrue(why, why.contains("first call 20"));
    }

    @Test
    public void optionalStepsAndPluginStrategiesJoinAndLeaveThePipelineLive() throws Exception {
        awaitAllBundlesActive();
        Scenarios.Users.create(http(), "spi" + (System.nanoTime() % 10_000));
        long before = form("first_name=Una&last_name=Plain&phone=%28321%29+555-0144&submissionId=spi-0");
        assertTrue(lead(before).get("assignmentReason").asText(), lead(before).get("assignmentReason").asText()
                .contains("it-rep-match is not installed: skipped"));
        ServiceRegistration<LeadEnricher> address = context.registerService(LeadEnricher.class, new LeadEnricher() {
            public String name() {
                return "it-geocoder";
            }

            public Stage stage() {
                return Stage.ADDRESS;
            }

            public LeadProfile enrich(LeadProfile lead) {
                return lead.withLocation(new GeoPoint(28.60, -81.30, "ROOFTOP", "it-geocoder")).withNote("geocoded by it-geocoder");
            }
        }, null);
        ServiceRegistration<LeadEnricher> broken = context.registerService(LeadEnricher.class, new LeadEnricher() {
            public String name() {
                return "it-broken-enricher";
            }

            public Stage stage() {
                return Stage.ENRICHMENT;
            }

            public LeadProfile enrich(LeadProfile lead) {
                throw new IllegalStateException("property data service down");
            }
        }, null);
        ServiceRegistration<LeadScorer> scorer = context.registerService(LeadScorer.class, new LeadScorer() {
            public String name() {
                return "it-scorer";
            }

            public OptionalDouble score(LeadProfile lead) {
                return OptionalDouble.of(0.87);
            }
        }, null);
        ServiceRegistration<LeadRoutingStrategy> match = context.registerService(LeadRoutingStrategy.class, new LeadRoutingStrategy() {
            public String name() {
                return "it-rep-match";
            }

            public Narrowed narrow(RoutingRequest lead, List<User> candidates) {
                List<User> best = candidates.stream().filter(u -> u.username().startsWith("repa")).toList();
                return best.isEmpty() ? new Narrowed(candidates, null) : new Narrowed(best, "score " + lead.score() + " suits " + best.get(0).username());
            }
        }, null);
        try {
            long id = form("first_name=Erin&last_name=Enriched&phone=%28321%29+555-0145&zip=32801&submissionId=spi-1");
            JsonNode l = lead(id);
            assertEquals(l.toString(), 0.87, l.get("score").asDouble(), 1e-9);
            assertEquals(l.toString(), "it-geocoder", l.get("location").get("by").asText());
            assertTrue(l.toString(), l.get("notes").asText().contains("geocoded by it-geocoder")
                    && l.get("notes").asText().contains("it-broken-enricher failed (property data service down): skipped"));
            assertTrue(l.toString(), l.get("assignmentReason").asText().contains("it-rep-match: score 0.87 suits repa"));
            String routing = shell("crm:lead-routing");
            assertTrue(routing, routing.contains("it-rep-match") && !routing.contains("[not installed] plugin"));
        } finally {
            address.unregister();
            broken.unregister();
            scorer.unregister();
            match.unregister();
        }
        long after = form("first_name=Ugo&last_name=Plain&phone=%28321%29+555-0146&submissionId=spi-2");
        JsonNode l = lead(after);
        assertTrue(l.toString(), !l.has("score") || l.get("score").isNull());
        assertTrue(l.toString(), l.get("assignmentReason").asText().contains("it-rep-match is not installed: skipped"));
    }

    @Test
    public void repsOnLeaveGetNothingAndTerritoriesAndBranchRadiiDecide() throws Exception {
        awaitAllBundlesActive();
        String s = Long.toString(System.nanoTime() % 10_000);
        Scenarios.Users users = Scenarios.Users.create(http(), "av" + s);
        for (String name : List.of("terry", "bianca")) {
            http().send("POST", "/api/v1/users", "admin", ADMIN_PASSWORD, "{\"username\":\"" + name + "\",\"displayName\":\"" + name
                    + "\",\"role\":\"REP\",\"password\":\"it-password\"}");
        }
        Http.Reply bad = http().send("PUT", "/api/v1/leads/routing/reps/terry", "admin", ADMIN_PASSWORD, "{\"workingHours\":\"weekdays\"}");
        Scenarios.assertProblem(bad, 400);
        assertTrue(bad.body(), bad.body().contains("workingHours"));
        Http.Reply leave = http().send("PUT", "/api/v1/leads/routing/reps/" + users.repB(), "admin", ADMIN_PASSWORD,
                "{\"leaveFrom\":\"2020-01-01T00:00:00Z\",\"leaveUntil\":\"2099-01-01T00:00:00Z\",\"leaveNote\":\"sabbatical\"}");
        assertEquals(leave.toString(), 200, leave.status());
        assertEquals(false, leave.json().get("availableNow").asBoolean());
        Http.Reply rep = http().send("PUT", "/api/v1/leads/routing/reps/" + users.repA(), users.repA(), Scenarios.Users.PASSWORD, "{}");
        assertEquals("reps do not set availability", 403, rep.status());
        for (int i = 0; i < 6; i++) {
            JsonNode l = lead(form("first_name=Lou&last_name=Leave" + i + "&phone=%28212%29+555-02" + (10 + i) + "&submissionId=lv-" + s + i));
            assertTrue(l.toString(), l.get("assignmentReason").asText().contains("on leave: " + users.repB()));
        }
        JsonNode routing = http().send("GET", "/api/v1/leads/routing", "admin", ADMIN_PASSWORD, null).json();
        assertTrue(routing.toString(), routing.toString().contains("sabbatical"));

        JsonNode ok = lead(form("first_name=Olga&last_name=Okie&phone=%28405%29+555-0147&state=OK&zip=73102&submissionId=ok-" + s));
        assertTrue(ok.toString(), ok.get("assignmentReason").asText().startsWith("on leave: " + users.repB() + "; territory OK: terry (state OK)"));
        if (Boolean.getBoolean("evergreen.it.zips")) {
            // 32803 (Orlando) lies within 25 miles of the branch; 33602 (Tampa) does not
            JsonNode near = lead(form("first_name=Nina&last_name=Near&phone=%28407%29+555-0148&zip=32803&submissionId=near-" + s));
            assertTrue(near.toString(), near.get("assignmentReason").asText().contains("bianca (") && near.get("notes").asText()
                    .contains("centroid of ZIP 32803"));
            JsonNode far = lead(form("first_name=Fay&last_name=Far&phone=%28813%29+555-0149&zip=33602&submissionId=far-" + s));
            assertTrue(far.toString(), far.get("assignmentReason").asText().contains("no territory covers 33602"));
        } else {
            System.out.println("[evergreen] ../shared/data/zip_centroids is absent: the branch-radius check by ZIP centroid is skipped");
        }
        assertEquals(200, http().send("PUT", "/api/v1/leads/routing/reps/" + users.repB(), "admin", ADMIN_PASSWORD, "{}").status());
    }

    @Test
    public void aContactAndAWebFormLeadAreStandardizedGeocodedAndEnriched() throws Exception {
        awaitAllBundlesActive();
        String id = Long.toString(System.nanoTime() % 100_000);
        new EnrichmentScenarios(this).aContactAndAWebFormLeadAreStandardizedGeocodedAndEnriched(n -> {
            try {
                return lead(form("first_name=Lee&last_name=Former" + id + "&phone=%28217%29+555-0101&address=77+south+5th+street"
                        + "&city=springfield&state=IL&zip=62704&submissionId=en-" + id));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    public void propertyDataIsConfiguredLiveCachedAndRemoved() throws Exception {
        awaitAllBundlesActive();
        new EnrichmentScenarios(this).propertyDataConfiguredLiveCachedAndRemoved(context);
    }
}
