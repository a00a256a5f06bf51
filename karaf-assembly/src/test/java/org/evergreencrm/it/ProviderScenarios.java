package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.camel.CamelContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lead sources that Evergreen polls, in the distribution, against a stub provider API served by the test (a servlet
 * on Karaf's own HTTP port): a provider configured in ConfigurationAdmin only (field mapping, cursor, a failing page
 * retried, a redelivered lead stored once, a lead without an id kept as a dead letter, a scheme off the allow-list
 * refused), and the lead-source plugin the Maven archetype generates, installed and removed live.
 */
final class ProviderScenarios {
    private final EvergreenTestSupport support;
    private final BundleContext context;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();

    ProviderScenarios(EvergreenTestSupport support, BundleContext context) throws Exception {
        this.support = support;
        this.context = context;
        support.awaitAllBundlesActive();
    }

    /** The stub provider: pages by cursor; the page after c1 fails once with HTTP 500 before it answers. */
    private final class Provider extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String since = req.getParameter("since");
            requests.add(req.getPathInfo() + " since=" + since + " auth=" + req.getHeader("Authorization"));
            resp.setContentType("application/json");
            if ("/sunfeed".equals(req.getPathInfo())) {
                resp.getWriter().write(since == null ? "{\"leads\":[{\"id\":\"S-1\",\"first_name\":\"Sunny\",\"last_name\":\"Generated"
                        + "\",\"phone\":\"(407) 555-0177\",\"zip\":\"32801\"}],\"next\":\"s1\"}" : "{\"leads\":[],\"next\":null}");
                return;
            }
            if ("c1".equals(since) && failuresLeft.merge("c1", -1, Integer::sum) >= 0) {
                resp.sendError(500, "provider bug"); // (a 503 the HTTP client itself retries)
                return;
            }
            resp.getWriter().write(switch (since == null ? "" : since) {
                case "" -> "{\"data\":{\"leads\":[{\"lead_id\":\"P-1\",\"fname\":\"Paula\",\"lname\":\"Polled\",\"tel\":\"(305) 555-0161\"},"
                        + "{\"lead_id\":\"P-2\",\"fname\":\"Pete\",\"lname\":\"Polled\",\"tel\":\"(305) 555-0162\"},"
                        + "{\"fname\":\"Nobody\",\"lname\":\"Noid\",\"tel\":\"(305) 555-0169\"}]},\"next\":\"c1\"}";
                case "c1" -> "{\"data\":{\"leads\":[{\"lead_id\":\"P-2\",\"fname\":\"Pete\",\"lname\":\"Polled\",\"tel\":\"(305) 555-0162\"},"
                        + "{\"lead_id\":\"P-3\",\"fname\":\"Pia\",\"lname\":\"Polled\",\"tel\":\"(305) 555-0163\"}]},\"next\":\"c2\"}";
                default -> "{\"data\":{\"leads\":[]},\"next\":null}";
            });
        }
    }

    void polledProviderAndGeneratedPlugin() throws Exception {
        failuresLeft.put("c1", 1);
        Dictionary<String, Object> servlet = new Hashtable<>();
        servlet.put("osgi.http.whiteboard.servlet.pattern", "/it-provider/*");
        servlet.put("osgi.http.whiteboard.servlet.name", "it-provider");
        ServiceRegistration<Servlet> stub = context.registerService(Servlet.class, new Provider(), servlet);
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cmTracker = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        cmTracker.open();
        ConfigurationAdmin cm = cmTracker.waitForService(10_000);
        ServiceTracker<CamelContext, CamelContext> camelTracker = new ServiceTracker<>(context, CamelContext.class, null);
        camelTracker.open();
        try {
            String base = "http://localhost:" + Integer.getInteger("evergreen.test.http.port") + "/it-provider";
            Configuration provider = cm.getFactoryConfiguration("org.evergreencrm.leads.poll", "itprov", "?");
            provider.update(props("name", "itprov", "url", base + "/leads", "intervalSeconds", "1", "authValue", "Bearer it-token",
                    "itemsPointer", "/data/leads", "idField", "lead_id", "fieldMap", "firstName=fname, lastName=lname, phone=tel",
                    "cursorParam", "since", "cursorPointer", "/next"));
            Configuration refused = cm.getFactoryConfiguration("org.evergreencrm.leads.poll", "itftp", "?");
            refused.update(props("name", "itftp", "url", "ftp://localhost/leads", "intervalSeconds", "1"));

            await("three leads from the polled provider", () -> leadsOf("feed:itprov") == 3);
            await("the cursor moved past c2", () -> requests.stream().anyMatch(r -> r.startsWith("/leads since=c2")));
            assertEquals("the page after c1 was asked again after its 500", 2, requests.stream().filter(r -> r.startsWith("/leads since=c1")).count());
            assertTrue(requests.toString(), requests.stream().filter(r -> r.startsWith("/leads")).allMatch(r -> r.endsWith("auth=Bearer it-token")));
            JsonNode feeds = admin("GET", "/api/v1/leads/feeds");
            JsonNode it = find(feeds, "name", "feed:itprov");
            assertEquals(it.toString(), "c2", it.get("cursor").asText());
            assertTrue(it.toString(), it.get("failures").asLong() >= 1);
            JsonNode ftp = null;
            for (int i = 0; i < 40 && (ftp == null || !ftp.has("lastError")); i++) {
                Thread.sleep(250);
                ftp = find(admin("GET", "/api/v1/leads/feeds"), "name", "feed:itftp");
            }
            assertTrue(String.valueOf(ftp), ftp != null && ftp.get("lastError").asText().contains("allow-list"));
            JsonNode dead = admin("GET", "/api/v1/leads/dead-letters?open=true");
            boolean noIdKept = false;
            for (JsonNode d : dead) {
                noIdKept |= "feed:itprov".equals(d.get("source").asText()) && d.get("payload").asText().contains("Noid");
            }
            assertTrue("the lead without an id is kept as a dead letter: " + dead, noIdKept);
            JsonNode lead = null;
            for (JsonNode l : admin("GET", "/api/v1/leads?limit=1000")) {
                if ("P-1".equals(l.get("sourceLeadId").asText())) {
                    lead = l;
                }
            }
            JsonNode contact = admin("GET", "/api/v1/contacts/" + lead.get("contactId").asLong());
            assertEquals("the field map: fname is firstName", "Paula", contact.get("firstName").asText());
            assertEquals("+13055550161", contact.get("normalized").get("phones").get(0).asText());

            provider.delete();
            refused.delete();
            CamelContext camel = camelTracker.waitForService(10_000);
            await("the provider's routes left with its configuration",
                    () -> camel.getRoute("lead-provider-itprov") == null && camel.getRoute("lead-feed-itprov") == null);

            providerDropFolder(cm, camel);
            generatedPlugin(cm, base, camel);
        } finally {
            stub.unregister();
            cmTracker.close();
            camelTracker.close();
        }
    }

    /** A provider's own drop folder, configured in ConfigurationAdmin: its column names mapped, its source named. */
    private void providerDropFolder(ConfigurationAdmin cm, CamelContext camel) throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of(System.getProperty("karaf.data"), "lead-drop-sunnyco");
        Configuration drop = cm.getFactoryConfiguration("org.evergreencrm.leads.drop", "sunnyco", "?");
        drop.update(props("name", "sunnyco", "folder", folder.toString(), "idField", "ref", "fieldMap", "firstName=given, lastName=surname, phone=cell"));
        await("the provider's drop route runs", () -> camel.getRoute("lead-file-drop-sunnyco") != null);
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Path staged = folder.resolveSibling("sunnyco.csv");
        java.nio.file.Files.writeString(staged, "ref,given,surname,cell,roof\nSC-1,Sunny,Mapped,(727) 555-0171,metal\n");
        java.nio.file.Files.move(staged, folder.resolve("sunnyco.csv"));
        await("the provider's file was taken in", () -> leadsOf("file-drop:sunnyco") == 1);
        JsonNode lead = null;
        for (JsonNode l : admin("GET", "/api/v1/leads?limit=1000")) {
            if ("SC-1".equals(l.get("sourceLeadId").asText())) {
                lead = l;
            }
        }
        JsonNode contact = admin("GET", "/api/v1/contacts/" + lead.get("contactId").asLong());
        assertEquals("Sunny", contact.get("firstName").asText());
        assertEquals("Mapped", contact.get("lastName").asText());
        assertEquals("metal", contact.get("customFields").get("roof").asText());
        drop.delete();
        await("the drop route left with its configuration", () -> camel.getRoute("lead-file-drop-sunnyco") == null);
    }

    /** The plugin the archetype generated in this build (bundles/org.evergreencrm.archetype.leadfeed), when it was built. */
    private void generatedPlugin(ConfigurationAdmin cm, String base, CamelContext camel) throws Exception {
        String path = System.getProperty("evergreen.it.generatedPlugin", "");
        if (path.isEmpty() || !new File(path).isFile()) {
            System.out.println("[evergreen] the archetype-generated plugin was not built in this run (" + path + "): its live install is skipped");
            return;
        }
        Bundle plugin = context.installBundle(new File(path).toURI().toString());
        plugin.start();
        Configuration feed = cm.getConfiguration("com.example.leads.sunfeed.feed", "?");
        feed.update(props("url", base + "/sunfeed", "intervalSeconds", "1"));
        await("the generated plugin's lead arrived", () -> leadsOf("feed:sunfeed") == 1);
        assertTrue(camel.getRoute("lead-feed-sunfeed") != null);
        plugin.uninstall();
        feed.delete();
        await("the generated plugin's route left with it", () -> camel.getRoute("lead-feed-sunfeed") == null);
    }

    private long leadsOf(String source) {
        try {
            JsonNode s = find(admin("GET", "/api/v1/leads/sources"), "source", source);
            return s == null ? 0 : s.get("leads").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private JsonNode admin(String method, String path) throws Exception {
        return support.http().send(method, path, "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        return null;
    }

    private static Dictionary<String, Object> props(String... kv) {
        Dictionary<String, Object> d = new Hashtable<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            d.put(kv[i], kv[i + 1]);
        }
        return d;
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 120 && !done.getAsBoolean(); i++) {
            Thread.sleep(250);
        }
        assertTrue(what, done.getAsBoolean());
    }
}
