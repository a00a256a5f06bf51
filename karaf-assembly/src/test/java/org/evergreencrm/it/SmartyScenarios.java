package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The SmartyStreets plugin live in the distribution, with the real SDK against a stub of the US Street API served by
 * the container's own HTTP server: configured and installed, it verifies (DPV Y), answers a repeat from its cache,
 * falls back to the offline path when out of credit (402) and saying so; uninstalled, the offline path is back.
 */
final class SmartyScenarios {
    private static final String CANDIDATE = "[{\"input_index\":0,\"candidate_index\":0,\"delivery_line_1\":\"500 N PALAFOX ST STE 2\","
            + "\"last_line\":\"PENSACOLA FL 32501-5421\",\"components\":{\"primary_number\":\"500\",\"street_predirection\":\"N\","
            + "\"street_name\":\"PALAFOX\",\"street_suffix\":\"ST\",\"secondary_designator\":\"STE\",\"secondary_number\":\"2\","
            + "\"city_name\":\"PENSACOLA\",\"state_abbreviation\":\"FL\",\"zipcode\":\"32501\",\"plus4_code\":\"5421\"},"
            + "\"metadata\":{\"record_type\":\"H\",\"county_fips\":\"12033\",\"county_name\":\"Escambia\",\"rdi\":\"Commercial\","
            + "\"latitude\":30.41517,\"longitude\":-87.21536,\"precision\":\"Zip9\",\"time_zone\":\"Central\",\"utc_offset\":-6,\"dst\":true},"
            + "\"analysis\":{\"dpv_match_code\":\"Y\",\"dpv_footnotes\":\"AABB\",\"dpv_cmra\":\"N\",\"dpv_vacant\":\"N\",\"footnotes\":\"N#\"}}]";
    private final EvergreenTestSupport support;
    private final BundleContext context;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status = 200;

    SmartyScenarios(EvergreenTestSupport support, BundleContext context) {
        this.support = support;
        this.context = context;
    }

    private JsonNode verify(String lines) throws Exception {
        Http.Reply r = support.http().send("POST", "/api/v1/addresses/verify", "admin", EvergreenTestSupport.ADMIN_PASSWORD,
                "{\"lines\":[" + lines + "]}");
        assertEquals(r.toString(), 200, r.status());
        return r.json();
    }

    void pluginVerifiesCachesFallsBackAndLeavesLive() throws Exception {
        support.awaitAllBundlesActive();
        Dictionary<String, Object> servlet = new Hashtable<>();
        servlet.put("osgi.http.whiteboard.servlet.pattern", "/smarty-stub/*");
        servlet.put("osgi.http.whiteboard.servlet.name", "smarty-stub");
        ServiceRegistration<Servlet> stub = context.registerService(Servlet.class, new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                calls.incrementAndGet();
                resp.setStatus(status);
                resp.setContentType("application/json");
                resp.getOutputStream().write((status == 200 ? CANDIDATE : "{\"errors\":[]}").getBytes(StandardCharsets.UTF_8));
            }
        }, servlet);
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cmTracker = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        cmTracker.open();
        Configuration config = cmTracker.waitForService(10_000).getConfiguration("org.evergreencrm.smartystreets", "?");
        ServiceTracker<org.apache.karaf.features.FeaturesService, org.apache.karaf.features.FeaturesService> features =
                new ServiceTracker<>(context, org.apache.karaf.features.FeaturesService.class, null);
        features.open();
        org.apache.karaf.features.FeaturesService fs = features.waitForService(10_000);
        try {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("authId", "it-auth-id");
            props.put("authToken", "it-secret-token");
            props.put("baseUrl", "http://localhost:" + EvergreenTestSupport.HTTP_PORT + "/smarty-stub/street-address");
            props.put("retries", "0");
            props.put("breakerSeconds", "1");
            config.update(props);
            fs.installFeature("evergreen-smartystreets");
            String line = "\"500 north palafox street suite 2\",\"pensacola fl 32501\"";
            JsonNode v = null;
            for (int i = 0; i < 100; i++) {
                v = verify(line);
                if (v.get("verdict").asText().contains("SmartyStreets")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(v.toString(), "verified by SmartyStreets: deliverable (DPV Y)", v.get("verdict").asText());
            JsonNode c = v.get("candidates").get(0);
            assertEquals("SMARTYSTREETS", c.get("source").asText());
            assertEquals("5421", c.get("components").get("plus4Code").asText());
            assertEquals("America/Chicago", c.get("metadata").get("timeZone").asText());
            int paid = calls.get();
            JsonNode again = verify(line);
            assertTrue(again.toString(), again.get("verdict").asText().endsWith("[cached]"));
            assertEquals("a repeat costs no lookup", paid, calls.get());

            status = 402;
            JsonNode broke = verify("\"12 other street\",\"pensacola fl 32501\"");
            assertEquals(broke.toString(), "not verified: SmartyStreets unavailable (402 payment required: out of credit); standardized offline",
                    broke.get("verdict").asText());
            assertEquals("OFFLINE", broke.get("candidates").get(0).get("source").asText());
            String status = support.shell("crm:address-status");
            assertTrue(status, status.contains("circuit open") && !status.contains("it-secret-token"));

            fs.uninstallFeature("evergreen-smartystreets");
            JsonNode offline = null;
            for (int i = 0; i < 100; i++) {
                offline = verify("\"12 other street\",\"pensacola fl 32501\"");
                if (offline.get("verdict").asText().equals("not verified: standardized offline")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("not verified: standardized offline", offline.get("verdict").asText());
        } finally {
            if (fs.isInstalled(fs.getFeature("evergreen-smartystreets"))) {
                fs.uninstallFeature("evergreen-smartystreets");
            }
            config.delete();
            features.close();
            cmTracker.close();
            stub.unregister();
        }
    }
}
