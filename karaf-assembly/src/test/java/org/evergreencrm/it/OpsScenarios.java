package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Issue #11, health and metrics: {@code /health}, {@code /health/ready} and {@code /metrics} scraped as an operator would. */
final class OpsScenarios {
    private final EvergreenTestSupport support;
    private final Http http;

    OpsScenarios(EvergreenTestSupport support) {
        this.support = support;
        this.http = support.http();
    }

    void healthAnswersWithoutSignInAndRevealsNothing() throws Exception {
        Http.Reply live = http.send("GET", "/health", null, null, null);
        assertEquals(live.toString(), 200, live.status());
        assertEquals("UP", live.json().get("status").asText());
        Http.Reply ready = http.send("GET", "/health/ready", null, null, null);
        assertEquals(ready.toString(), 200, ready.status());
        JsonNode checks = ready.json().get("checks");
        assertEquals(ready.toString(), "up", checks.get("database").asText());
        assertEquals("applied", checks.get("schema").asText());
        assertEquals("active", checks.get("bundles").asText());
        assertEquals("up", checks.get("api").asText());
        String body = ready.body().toLowerCase(java.util.Locale.ROOT);
        assertFalse("no connection details: " + body, body.contains("jdbc") || body.contains("postgres") || body.contains("h2"));
    }

    void metricsAreScrapedInPrometheusFormat() throws Exception {
        http.send("GET", "/api/v1/me", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null);
        http.send("GET", "/api/v1/contacts/987654321", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null);
        Http.Reply lead = http.send("POST", "/api/v1/leads", "admin", EvergreenTestSupport.ADMIN_PASSWORD,
                "{\"source\":\"ops-metrics\",\"sourceLeadId\":\"m" + System.nanoTime() + "\",\"fields\":{\"firstName\":\"Mia\","
                        + "\"lastName\":\"Metric\",\"phone\":\"(305) 555-0177\"}}");
        assertEquals(lead.toString(), 202, lead.status());
        Http.Reply metrics = http.send("GET", "/metrics", null, null, null);
        assertEquals(metrics.toString().substring(0, Math.min(300, metrics.toString().length())), 200, metrics.status());
        assertTrue(metrics.contentType(), metrics.contentType().startsWith("text/plain; version=0.0.4"));
        String text = metrics.body();
        assertTrue("request rate and latency per endpoint template",
                text.contains("http_server_requests_seconds_count{application=\"evergreen\",method=\"GET\",status=\"200\",uri=\"/api/v1/me\"}"));
        assertTrue("ids are folded into the template",
                text.contains("method=\"GET\",status=\"404\",uri=\"/api/v1/contacts/{id}\"") || text.contains("uri=\"NOT_FOUND\""));
        assertTrue("leads per source", text.contains("evergreen_leads_stored{application=\"evergreen\",source=\"ops-metrics\"} 1.0"));
        assertTrue("lead events", text.contains("evergreen_lead_events_total{application=\"evergreen\",event=\"CREATED\",source=\"ops-metrics\"}"));
        assertTrue("the JVM", text.contains("jvm_memory_used_bytes"));
        assertTrue("scheduler lag and failures", text.contains("evergreen_scheduler_lag_seconds{application=\"evergreen\",task=\"queue-lease-sweeper\"}")
                && text.contains("evergreen_scheduler_failures{application=\"evergreen\",task=\"queue-lease-sweeper\"} 0.0"));
        Matcher pool = Pattern.compile("evergreen_db_pool\\{application=\"evergreen\",state=\"TotalConnections\"} ([0-9.]+)").matcher(text);
        assertTrue("the database pool is measured (HikariCP's MBean)", pool.find());
        assertTrue(Double.parseDouble(pool.group(1)) >= 1);
        assertTrue("every line is a comment or a sample", text.lines().allMatch(l -> l.isEmpty() || l.startsWith("#")
                || l.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? -?[0-9.eE+-]+|.* (NaN|[+-]Inf)")));
    }
}
