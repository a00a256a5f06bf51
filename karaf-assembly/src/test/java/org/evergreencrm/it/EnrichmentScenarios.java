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

    /**
     * The ATTOM adapter configured live through ConfigAdmin against a stub of the Property API on Karaf's HTTP port: a
     * contact gets property values; a second contact at the same address is answered from the cache; the
     * configuration deleted, the provider leaves and the rest of enrichment goes on.
     */
    void propertyDataConfiguredLiveCachedAndRemoved(org.osgi.framework.BundleContext context) throws Exception {
        java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        javax.servlet.http.HttpServlet stub = new javax.servlet.http.HttpServlet() {
            @Override
            protected void doGet(javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp) throws java.io.IOException {
                requests.add(req.getPathInfo() + "?" + req.getQueryString() + " key=" + req.getHeader("apikey"));
                resp.setContentType("application/json");
                resp.getWriter().write(req.getPathInfo().endsWith("/attomavm/detail")
                        ? "{\"status\":{\"code\":0},\"property\":[{\"avm\":{\"amount\":{\"value\":231000,\"low\":210000,\"high\":250000,\"scr\":81}}}]}"
                        : "{\"status\":{\"code\":0,\"msg\":\"SuccessWithResult\"},\"property\":[{\"summary\":{\"absenteeInd\":\"ABSENTEE(MAIL AND SITUS NOT =)\","
                        + "\"propclass\":\"Single Family Residence / Townhouse\",\"yearbuilt\":1962},\"building\":{\"size\":{\"livingsize\":1410},"
                        + "\"rooms\":{\"bathstotal\":1.5,\"beds\":3}},\"lot\":{\"lotsize1\":0.21,\"lotsize2\":9148}}]}");
            }
        };
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/attom-stub/*");
        props.put("osgi.http.whiteboard.servlet.name", "attom-stub");
        org.osgi.framework.ServiceRegistration<javax.servlet.Servlet> registration = context.registerService(javax.servlet.Servlet.class, stub, props);
        org.osgi.util.tracker.ServiceTracker<org.osgi.service.cm.ConfigurationAdmin, org.osgi.service.cm.ConfigurationAdmin> cm =
                new org.osgi.util.tracker.ServiceTracker<>(context, org.osgi.service.cm.ConfigurationAdmin.class, null);
        cm.open();
        org.osgi.service.cm.Configuration config = cm.waitForService(10_000).getConfiguration("org.evergreencrm.enrichment.attom", "?");
        try {
            java.util.Hashtable<String, Object> attom = new java.util.Hashtable<>();
            attom.put("apiKey", "it-attom-key");
            attom.put("baseUrl", "http://localhost:" + Integer.getInteger("evergreen.test.http.port") + "/attom-stub/propertyapi/v1.0.0");
            attom.put("retries", "0");
            config.update(attom);
            for (int i = 0; i < 100 && !admin("GET", "/enrichment/providers", null).body().contains("attom (external)"); i++) {
                Thread.sleep(100);
            }
            assertTrue(admin("GET", "/enrichment/providers", null).body().contains("attom (external)"));
            String[] ids = new String[2];
            for (int k = 0; k < 2; k++) {
                Http.Reply created = admin("POST", "/contacts", "{\"firstName\":\"Pat\",\"lastName\":\"Property" + s + k
                        + "\",\"address\":{\"line1\":\"" + (k == 0 ? "1200 South 6th Street" : "1200 s. 6th st") + "\",\"city\":\"Springfield\","
                        + "\"state\":\"IL\",\"postalCode\":\"62704\",\"country\":\"US\"}}");
                assertEquals(created.toString(), 201, created.status());
                ids[k] = created.json().get("id").asText();
                JsonNode e = null;
                for (int i = 0; i < 100; i++) {
                    e = admin("GET", "/enrichment/contacts/" + ids[k], null).json();
                    if (e.toString().contains("yearBuilt")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                Map<String, JsonNode> v = values(e);
                assertEquals(e.toString(), "1962", v.get("property/yearBuilt").get("value").asText());
                assertEquals("false", v.get("property/ownerOccupied").get("value").asText());
                assertEquals("231000", v.get("property/estimatedValue").get("value").asText());
                assertEquals("attom", v.get("property/estimatedValue").get("source").asText());
            }
            assertEquals("two requests (detail and value) for two contacts at one address: " + requests, 2, requests.size());
            assertTrue(requests.toString(), requests.get(0).startsWith("/propertyapi/v1.0.0/property/detail?address1=1200%20S%206TH%20ST")
                    && requests.get(0).endsWith("key=it-attom-key"));
            String providers = support.shell("crm:enrich-providers");
            assertTrue(providers, providers.contains("1 lookups saved in all") && !providers.contains("it-attom-key"));
            config.delete();
            for (int i = 0; i < 100 && admin("GET", "/enrichment/providers", null).body().contains("attom"); i++) {
                Thread.sleep(100);
            }
            assertFalse("the provider left with its configuration", admin("GET", "/enrichment/providers", null).body().contains("attom"));
            JsonNode after = admin("POST", "/enrichment/contacts/" + ids[0] + "/refresh", null).json();
            assertTrue(after.toString(), after.toString().contains("nearestBranch"));
        } finally {
            try {
                config.delete();
            } catch (IllegalStateException alreadyDeleted) {
                // deleted above
            }
            registration.unregister();
            cm.close();
        }
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
