package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Addresses in the running distribution: a ZIP import over REST (ours, messy, then the real GeoNames file when
 * ../shared/data has it), verification of free-form and structured input with problems for bad input, autocomplete,
 * a contact's standardized address stored beside the typed one with a timeline entry and the contact's access rule,
 * the shell commands, and the REST API answering 503 (problem+json) while the bundle is stopped.
 */
final class AddressScenarios {
    private static final Path GEONAMES = sharedData("zip_centroids/geonames_US_postal_2024-04-12.txt.gz");
    private final EvergreenTestSupport support;
    private final BundleContext context;
    private final Http http;
    private final String s = Long.toString(System.nanoTime() % 100_000);

    /** The file under the nearest {@code shared/data} above the working directory (the container runs in target/). */
    static Path sharedData(String file) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared").resolve("data").resolve(file);
            if (Files.isReadable(f)) {
                return f;
            }
        }
        return Path.of("..", "..", "shared", "data").resolve(file);
    }

    AddressScenarios(EvergreenTestSupport support, BundleContext context) {
        this.support = support;
        this.context = context;
        this.http = support.http();
    }

    private Http.Reply admin(String method, String path, String body) throws Exception {
        return http.send(method, "/api/v1" + path, "admin", EvergreenTestSupport.ADMIN_PASSWORD, body);
    }

    void verifyAutocompleteAndContactAddresses() throws Exception {
        String rows = String.join("\n",
                "US\t32501\tPensacola\tFlorida\tFL\tEscambia\t033\t\t\t30.4225\t-87.2244\t4",
                "US\t10001\tNew York\tNew York\tNY\tNew York\t061\t\t\t40.7484\t-73.9967\t4",
                "US\t09001\tAPO AA\t\t\t\t\t\t\t38.1105\t15.6613\t",
                "bad row");
        Http.Reply imported = http.raw("POST", "/api/v1/addresses/zip-imports?name=it-" + s, "admin",
                EvergreenTestSupport.ADMIN_PASSWORD, rows.getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(imported.toString(), 200, imported.status());
        assertEquals("DONE", imported.json().get("state").asText());
        assertEquals(2, imported.json().get("zipsStored").asInt());
        assertEquals(imported.toString(), 2, imported.json().get("rowsRefused").asInt());
        assertTrue(imported.body(), imported.body().contains("APO"));
        if (Files.isReadable(GEONAMES)) {
            Http.Reply real = http.raw("POST", "/api/v1/addresses/zip-imports?name=geonames", "admin",
                    EvergreenTestSupport.ADMIN_PASSWORD, Files.readAllBytes(GEONAMES), "application/gzip");
            assertEquals(real.toString(), 200, real.status());
            assertTrue(real.body(), real.json().get("zipsStored").asInt() > 40_000);
        } else {
            System.out.println("[evergreen] GeoNames file not found at " + GEONAMES.toAbsolutePath() + ": real ZIP data import skipped");
        }
        JsonNode status = admin("GET", "/addresses/zip-status", null).json();
        assertFalse(status.toString(), status.get("stateLevelOnly").asBoolean());

        Http.Reply v = admin("POST", "/addresses/verify", "{\"lines\":[\"500 north palafox street, suite 2\",\"pensacola fla 32501\"]}");
        assertEquals(v.toString(), 200, v.status());
        JsonNode a = v.json().get("candidates").get(0);
        assertEquals("500 N PALAFOX ST STE 2", a.get("deliveryLine1").asText());
        assertEquals("PENSACOLA FL 32501", a.get("lastLine").asText());
        assertEquals("America/Chicago", a.get("metadata").get("timeZone").asText());
        assertEquals("Zip5", a.get("metadata").get("precision").asText());
        assertTrue(a.toString(), a.get("analysis").path("dpvMatchCode").isMissingNode() || a.get("analysis").get("dpvMatchCode").isNull());
        assertFalse(a.get("analysis").get("verified").asBoolean());
        assertEquals("not verified: standardized offline", v.json().get("verdict").asText());
        Http.Reply uk = admin("POST", "/addresses/verify", "{\"line1\":\"10 Downing St\",\"city\":\"London\",\"postalCode\":\"SW1A 2AA\",\"country\":\"GB\"}");
        assertEquals(0, uk.json().get("candidates").size());
        assertTrue(uk.body(), uk.json().get("verdict").asText().contains("GB"));
        Http.Reply both = admin("POST", "/addresses/verify", "{\"lines\":[\"1 Main St\"],\"city\":\"Austin\"}");
        Scenarios.assertProblem(both, 400);
        assertEquals("lines", both.json().get("field").asText());
        Scenarios.assertProblem(admin("POST", "/addresses/verify", "{\"lines\":[\"" + "x".repeat(400) + "\"]}"), 400);
        Scenarios.assertProblem(admin("POST", "/addresses/verify", "{\"lines\":\"not a list\"}"), 400);
        Scenarios.assertProblem(admin("GET", "/addresses/autocomplete", null), 400);
        Scenarios.assertProblem(admin("GET", "/addresses/autocomplete?q=pens&max=999", null), 400);
        JsonNode suggestions = admin("GET", "/addresses/autocomplete?q=500%20N%20Palafox%20St%2C%20pensac", null).json();
        // one Pensacola ZIP in our rows; several in the real file, where the city is offered without a ZIP
        assertTrue(suggestions.toString(), suggestions.get(0).get("text").asText().startsWith("500 N PALAFOX ST, PENSACOLA FL"));
        JsonNode byZip = admin("GET", "/addresses/autocomplete?q=500%20N%20Palafox%20St%2C%20pensacola%20fl%203250", null).json();
        assertEquals(byZip.toString(), "500 N PALAFOX ST, PENSACOLA FL 32501", byZip.get(0).get("text").asText());

        // a contact's address is standardized when it is created, kept beside the typed one, on its timeline
        Scenarios.Users users = Scenarios.Users.create(http, "ad" + s);
        String rep = users.repA();
        String pw = Scenarios.Users.PASSWORD;
        Http.Reply created = http.send("POST", "/api/v1/contacts", rep, pw, "{\"firstName\":\"Ada\",\"lastName\":\"Address" + s
                + "\",\"address\":{\"line1\":\"500 n. palafox st.\",\"line2\":\"ste 2\",\"city\":\"pensacola\",\"state\":\"fl\","
                + "\"postalCode\":\"32501\",\"country\":\"US\"}}");
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().get("id").asText();
        Http.Reply stored = null;
        for (int i = 0; i < 100; i++) {
            stored = http.send("GET", "/api/v1/addresses/contacts/" + id, rep, pw, null);
            if (stored.status() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(stored.toString(), 200, stored.status());
        assertEquals("500 n. palafox st.", stored.json().get("raw").get("line1").asText());
        assertEquals("500 N PALAFOX ST STE 2", stored.json().get("standard").get("deliveryLine1").asText());
        assertEquals("OFFLINE", stored.json().get("standard").get("source").asText());
        assertEquals("12033", stored.json().get("standard").get("metadata").get("countyFips").asText());
        Scenarios.assertProblem(http.send("GET", "/api/v1/addresses/contacts/" + id, users.repB(), pw, null), 403);
        Scenarios.assertProblem(http.send("POST", "/api/v1/addresses/contacts/" + id + "/standardize", users.repB(), pw, null), 403);
        Scenarios.assertProblem(admin("GET", "/addresses/contacts/987654321", null), 404);
        String timeline = "";
        for (int i = 0; i < 100 && !timeline.contains("ADDRESS_STANDARDIZED"); i++) {
            timeline = http.send("GET", "/api/v1/timeline/" + id, rep, pw, null).body();
            Thread.sleep(100);
        }
        assertTrue(timeline, timeline.contains("ADDRESS_STANDARDIZED"));

        String shell = support.shell("crm:address-verify \"123 north main street apt 4\" \"new york ny 10001\"");
        assertTrue(shell, shell.contains("123 N MAIN ST APT 4") && shell.contains("NEW YORK NY 10001"));
        assertTrue(shell, shell.contains("not verified"));
        String zipStatus = support.shell("crm:zip-status");
        assertTrue(zipStatus, zipStatus.contains("it-" + s));
        assertTrue(support.shell("crm:address-contact " + id).contains("500 N PALAFOX ST STE 2"));
        String byHand = support.shell("crm:address-set " + id + " \"500 N Palafox St Ste 200\" \"Pensacola FL 32501\"");
        assertTrue(byHand, byHand.contains("500 N PALAFOX ST STE 200") && byHand.contains("set by hand by system"));
        assertEquals("MANUAL", http.send("GET", "/api/v1/addresses/contacts/" + id, rep, pw, null).json().get("standard").get("source").asText());
        Http.Reply refused = http.send("PUT", "/api/v1/addresses/contacts/" + id + "/standard", rep, pw, "{\"lines\":[\"somewhere\"]}");
        Scenarios.assertProblem(refused, 400);
        assertEquals(refused.body(), "lines", refused.json().get("field").asText());
        assertEquals("the refused input changed nothing", "500 N PALAFOX ST STE 200",
                http.send("GET", "/api/v1/addresses/contacts/" + id, rep, pw, null).json().get("standard").get("deliveryLine1").asText());
    }

    /** The address bundle stopped: its endpoints answer 503 problem+json, the rest of the CRM keeps working; started again, it answers. */
    void theApiSurvivesTheAddressBundleGoingAway() throws Exception {
        Bundle bundle = null;
        for (Bundle b : context.getBundles()) {
            if ("org.evergreencrm.address".equals(b.getSymbolicName())) {
                bundle = b;
            }
        }
        assertTrue("the address bundle is installed", bundle != null);
        bundle.stop();
        try {
            Http.Reply gone = admin("GET", "/addresses/zip-status", null);
            Scenarios.assertProblem(gone, 503);
            assertEquals(200, admin("GET", "/contacts", null).status());
        } finally {
            bundle.start();
        }
        Http.Reply back = null;
        for (int i = 0; i < 100; i++) {
            back = admin("GET", "/addresses/zip-status", null);
            if (back.status() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(back.toString(), 200, back.status());
    }
}
