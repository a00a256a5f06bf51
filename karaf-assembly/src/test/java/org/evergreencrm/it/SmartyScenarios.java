package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The SmartyStreets plugin in the running distribution, against a stub of the US Street API served by the test on
 * Karaf's own HTTP port: configured through ConfigurationAdmin, installed live; a contact's address gets DPV fields,
 * the same address again is answered from the cache (no request reaches the stub); out of credit (402) the verifier
 * falls back to the offline path and says why; uninstalled, verification is offline again.
 */
final class SmartyScenarios {
    private final EvergreenTestSupport support;
    private final BundleContext context;
    private final Http http;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final String s = Long.toString(System.nanoTime() % 100_000);

    SmartyScenarios(EvergreenTestSupport support, BundleContext context) {
        this.support = support;
        this.context = context;
        this.http = support.http();
    }

    /** Answers like the documented API: GET for one lookup, POST with a JSON array for a batch; one candidate each. */
    private final class Stub extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String body = new String(req.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            requests.add(req.getMethod() + " " + req.getQueryString() + " " + body);
            if (status.get() != 200) {
                resp.sendError(status.get(), "Payment Required");
                return;
            }
            int lookups = "POST".equals(req.getMethod()) ? Math.max(1, body.split("\"street\"").length - 1) : 1;
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < lookups; i++) {
                out.append(i == 0 ? "" : ",").append("{\"input_index\":").append(i).append(",\"candidate_index\":0,"
                        + "\"delivery_line_1\":\"123 N Main St Apt 4\",\"last_line\":\"Springfield IL 62704-1234\","
                        + "\"components\":{\"primary_number\":\"123\",\"street_predirection\":\"N\",\"street_name\":\"Main\","
                        + "\"street_suffix\":\"St\",\"secondary_designator\":\"Apt\",\"secondary_number\":\"4\",\"city_name\":\"Springfield\","
                        + "\"state_abbreviation\":\"IL\",\"zipcode\":\"62704\",\"plus4_code\":\"1234\"},"
                        + "\"metadata\":{\"record_type\":\"H\",\"county_fips\":\"17167\",\"county_name\":\"Sangamon\",\"latitude\":39.78,"
                        + "\"longitude\":-89.65,\"precision\":\"Zip9\",\"time_zone\":\"Central\",\"utc_offset\":-6,\"dst\":true,\"rdi\":\"Residential\"},"
                        + "\"analysis\":{\"dpv_match_code\":\"Y\",\"dpv_footnotes\":\"AABB\",\"dpv_cmra\":\"N\",\"dpv_vacant\":\"N\",\"active\":\"Y\"}}");
            }
            resp.setContentType("application/json");
            resp.getWriter().write(out.append(']').toString());
        }
    }

    void verifiedCachedAndFallingBack() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/smarty-stub/*");
        props.put("osgi.http.whiteboard.servlet.name", "smarty-stub");
        ServiceRegistration<Servlet> stub = context.registerService(Servlet.class, new Stub(), props);
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cmTracker = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        ServiceTracker<FeaturesService, FeaturesService> fsTracker = new ServiceTracker<>(context, FeaturesService.class, null);
        cmTracker.open();
        fsTracker.open();
        FeaturesService features = fsTracker.waitForService(10_000);
        Configuration config = cmTracker.waitForService(10_000).getConfiguration("org.evergreencrm.smartystreets", "?");
        try {
            Hashtable<String, Object> smarty = new Hashtable<>();
            smarty.put("authId", "it-auth-id");
            smarty.put("authToken", "it-secret-token");
            smarty.put("baseUrl", "http://localhost:" + Integer.getInteger("evergreen.test.http.port") + "/smarty-stub/street-address");
            smarty.put("retries", "0");
            config.update(smarty);
            features.installFeature("evergreen-smartystreets");
            await("the SmartyStreets verifier is up", () -> support.shell("crm:address-status").contains("SmartyStreets:"));

            // the contact of the "done when": DPV fields from the service
            Http.Reply created = admin("POST", "/contacts", "{\"firstName\":\"Sam\",\"lastName\":\"Smarty" + s
                    + "\",\"address\":{\"line1\":\"123 n. main street apt 4\",\"city\":\"springfield\",\"state\":\"il\","
                    + "\"postalCode\":\"62704\",\"country\":\"US\"}}");
            assertEquals(created.toString(), 201, created.status());
            JsonNode standard = standardOf(created.json().get("id").asText());
            assertEquals(standard.toString(), "SMARTYSTREETS", standard.get("source").asText());
            assertEquals("Y", standard.get("analysis").get("dpvMatchCode").asText());
            assertEquals("123 N MAIN ST APT 4", standard.get("deliveryLine1").asText().toUpperCase());
            assertEquals("1234", standard.get("components").get("plus4Code").asText());
            int asked = requests.size();
            assertTrue("one request for the first contact", asked >= 1);

            // the same address on a second contact: from the cache, no request
            Http.Reply again = admin("POST", "/addresses/verify", "{\"lines\":[\"123 North Main Street, Apt. 4\",\"Springfield, Illinois 62704\"]}");
            assertEquals(again.toString(), 200, again.status());
            assertEquals(again.body(), "verified by SmartyStreets: deliverable (DPV Y) [cached]", again.json().get("verdict").asText());
            assertEquals("no request reached the stub for the cached address", asked, requests.size());
            String status = support.shell("crm:address-status");
            assertTrue(status, status.contains("lookups saved") && !status.contains("it-secret-token"));

            // out of credit: offline, with the reason, and the circuit opens
            this.status.set(402);
            Http.Reply broke = admin("POST", "/addresses/verify", "{\"lines\":[\"77 Elm Street\",\"Springfield IL 62704\"]}");
            assertEquals(broke.toString(), 200, broke.status());
            String verdict = broke.json().get("verdict").asText();
            assertTrue(verdict, verdict.startsWith("not verified: SmartyStreets unavailable (402") && verdict.endsWith("standardized offline"));
            assertEquals("77 ELM ST", broke.json().get("candidates").get(0).get("deliveryLine1").asText());
            assertTrue(support.shell("crm:address-status").contains("circuit open"));
        } finally {
            features.uninstallFeature("evergreen-smartystreets");
            config.delete();
            stub.unregister();
            cmTracker.close();
            fsTracker.close();
        }
        Http.Reply offline = admin("POST", "/addresses/verify", "{\"lines\":[\"78 Elm Street\",\"Springfield IL 62704\"]}");
        assertEquals(offline.body(), "not verified: standardized offline", offline.json().get("verdict").asText());
    }

    private JsonNode standardOf(String contactId) throws Exception {
        Http.Reply stored = null;
        for (int i = 0; i < 100; i++) {
            stored = admin("GET", "/addresses/contacts/" + contactId, null);
            if (stored.status() == 200) {
                return stored.json().get("standard");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no standardized address for contact " + contactId + ": " + stored);
    }

    private Http.Reply admin(String method, String path, String body) throws Exception {
        return http.send(method, "/api/v1" + path, "admin", EvergreenTestSupport.ADMIN_PASSWORD, body);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
