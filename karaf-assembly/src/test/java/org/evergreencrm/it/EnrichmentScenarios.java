package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The "done when" without vendor credentials, in the running distribution (the routing IT, which configures a
 * branch in Orlando): a Springfield contact is standardized, geocoded with county and time zone after a ZIP import,
 * marked not verified, and gets its nearest branch and market context with source and time, on its timeline; a web-form
 * lead goes through the same steps in the intake pipeline; the re-enrichment job runs on the scheduler with progress;
 * a rep of another team sees none of it.
 */
final class EnrichmentScenarios {
    private final EvergreenTestSupport support;
    private final Http http;
    private final String s = Long.toString(System.nanoTime() % 100_000);

    EnrichmentScenarios(EvergreenTestSupport support) {
        this.support = support;
        this.http = support.http();
    }

    private Http.Reply admin(String method, String path, String body) throws Exception {
        return http.send(method, "/api/v1" + path, "admin", EvergreenTestSupport.ADMIN_PASSWORD, body);
    }

    void aContactAndAWebFormLeadAreStandardizedGeocodedAndEnriched(java.util.function.LongFunction<JsonNode> formLead) throws Exception {
        // only Springfield's ZIPs: this class's routing tests place Orlando and Tampa by the routing's own centroids
        String rows = String.join("\n",
                "US\t62704\tSpringfield\tIllinois\tIL\tSangamon\t167\t\t\t39.7725\t-89.6889\t4",
                "US\t62701\tSpringfield\tIllinois\tIL\tSangamon\t167\t\t\t39.8000\t-89.6495\t4");
        Http.Reply imported = http.raw("POST", "/api/v1/addresses/zip-imports?name=enrich-" + s, "admin",
                EvergreenTestSupport.ADMIN_PASSWORD, rows.getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(imported.toString(), 200, imported.status());

        Scenarios.Users users = Scenarios.Users.create(http, "en" + s);
        String rep = users.repA();
        String pw = Scenarios.Users.PASSWORD;
        Http.Reply created = http.send("POST", "/api/v1/contacts", rep, pw, "{\"firstName\":\"Sam\",\"lastName\":\"Springer" + s
                + "\",\"address\":{\"line1\":\"123 n. main street apt 4\",\"city\":\"springfield\",\"state\":\"il\","
                + "\"postalCode\":\"62704\",\"country\":\"US\"}}");
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().get("id").asText();
        JsonNode standard = await(() -> http.send("GET", "/api/v1/addresses/contacts/" + id, rep, pw, null)).get("standard");
        assertEquals("123 N MAIN ST APT 4", standard.get("deliveryLine1").asText());
        assertEquals("SPRINGFIELD IL 62704", standard.get("lastLine").asText());
        assertEquals("Sangamon", standard.get("metadata").get("countyName").asText());
        assertEquals("17167", standard.get("metadata").get("countyFips").asText());
        assertEquals("America/Chicago", standard.get("metadata").get("timeZone").asText());
        assertFalse(standard.get("analysis").get("verified").asBoolean());
        assertTrue(standard.toString(), standard.get("analysis").path("dpvMatchCode").isMissingNode() || standard.get("analysis").get("dpvMatchCode").isNull());

        Map<String, JsonNode> v = values(awaitEnriched(id, rep, pw));
        assertEquals("orlando", v.get("branch/nearestBranch").get("value").asText());
        double miles = v.get("branch/distanceMiles").get("value").asDouble();
        assertTrue("Springfield IL to Orlando is about 870 miles: " + miles, miles > 800 && miles < 950);
        assertEquals("mi", v.get("branch/distanceMiles").get("unit").asText());
        assertEquals("false", v.get("branch/withinRadius").get("value").asText());
        assertEquals("Sangamon", v.get("neighborhood/county").get("value").asText());
        assertTrue(v.toString(), v.containsKey("market/leadsLast12Months"));
        assertEquals("branch", v.get("branch/nearestBranch").get("source").asText());
        assertTrue(v.get("branch/nearestBranch").has("at"));
        String timeline = "";
        for (int i = 0; i < 100 && !timeline.contains("ENRICHED"); i++) {
            timeline = http.send("GET", "/api/v1/timeline/" + id, rep, pw, null).body();
            Thread.sleep(100);
        }
        assertTrue(timeline, timeline.contains("ENRICHED") && timeline.contains("nearest branch orlando"));

        // another team's rep: nothing of it, through any of the enrichment endpoints
        Scenarios.assertProblem(http.send("GET", "/api/v1/enrichment/contacts/" + id, users.repB(), pw, null), 403);
        Scenarios.assertProblem(http.send("POST", "/api/v1/enrichment/contacts/" + id + "/refresh", users.repB(), pw, null), 403);
        Scenarios.assertProblem(http.send("POST", "/api/v1/enrichment/jobs", rep, pw, null), 403);
        Scenarios.assertProblem(admin("GET", "/enrichment/contacts/987654321", null), 404);
        Scenarios.assertProblem(admin("GET", "/enrichment/jobs/987654321", null), 404);
        Scenarios.assertProblem(admin("GET", "/enrichment/contacts/not-a-number", null), 404);

        // a lead through a web form: the same steps in the intake pipeline, then its contact is enriched
        JsonNode lead = formLead.apply(0);
        String notes = lead.get("notes").asText();
        assertTrue(notes, notes.contains("address standardized offline (not verified): 77 S 5TH ST, SPRINGFIELD IL 62704"));
        assertTrue(notes, notes.contains("enrichment: nearestBranch=orlando"));
        Map<String, JsonNode> lv = values(awaitEnriched(lead.get("contactId").asText(), "admin", EvergreenTestSupport.ADMIN_PASSWORD));
        assertEquals("orlando", lv.get("branch/nearestBranch").get("value").asText());

        // the re-enrichment job, on the scheduler, with progress
        Http.Reply started = admin("POST", "/enrichment/jobs", null);
        assertEquals(started.toString(), 200, started.status());
        String job = started.json().get("id").asText();
        JsonNode state = started.json();
        for (int i = 0; i < 300 && !"DONE".equals(state.get("state").asText()); i++) {
            Thread.sleep(100);
            state = admin("GET", "/enrichment/jobs/" + job, null).json();
        }
        assertEquals(state.toString(), "DONE", state.get("state").asText());
        assertTrue(state.toString(), state.get("done").asLong() >= 2 && state.get("done").asLong() == state.get("total").asLong());
        assertEquals(0, state.get("failed").asLong());
        assertTrue(support.shell("crm:enrich-jobs").contains(job + "  DONE"));
        String shown = support.shell("crm:enrich-contact " + id);
        assertTrue(shown, shown.contains("nearestBranch") && shown.contains("orlando") && shown.contains("[branch, "));
        String providers = admin("GET", "/enrichment/providers", null).body();
        assertTrue(providers, providers.contains("branch: ") && providers.contains("market: ") && providers.contains("neighborhood: "));
    }

    private JsonNode awaitEnriched(String id, String user, String pw) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode e = http.send("GET", "/api/v1/enrichment/contacts/" + id, user, pw, null).json();
            if (e.get("values").size() > 0) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("contact " + id + " was never enriched");
    }

    private static Map<String, JsonNode> values(JsonNode enrichment) {
        Map<String, JsonNode> out = new HashMap<>();
        enrichment.get("values").forEach(v -> out.put(v.get("group").asText() + "/" + v.get("field").asText(), v));
        return out;
    }

    private interface Call {
        Http.Reply call() throws Exception;
    }

    private static JsonNode await(Call call) throws Exception {
        Http.Reply r = null;
        for (int i = 0; i < 100; i++) {
            r = call.call();
            if (r.status() == 200) {
                return r.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never answered 200: " + r);
    }
}
