package org.evergreencrm.ops.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class OpsTest {
    @Test
    void endpointTemplatesHaveBoundedCardinality() {
        EndpointTemplates t = new EndpointTemplates(3);
        assertEquals("/api/v1/contacts/{id}", t.of("/api/v1/contacts/123", 200));
        assertEquals("/api/v1/compliance/numbers/{id}", t.of("/api/v1/compliance/numbers/+18135550101", 200));
        assertEquals("NOT_FOUND", t.of("/random/" + System.nanoTime(), 404));
        assertEquals("/api/v1/queue/next", t.of("/api/v1/queue/next", 200));
        assertEquals("OTHER", t.of("/api/v1/leads", 200), "past the maximum");
        assertEquals("/api/v1/contacts/{id}", t.of("/api/v1/contacts/9", 403), "known templates stay");
    }

    @Test
    void metricsAccessByConfiguration() {
        assertNull(MetricsServlet.refusal(config("localhost", ""), "127.0.0.1", null));
        assertNull(MetricsServlet.refusal(config("localhost", ""), "0:0:0:0:0:0:0:1", null));
        assertNotNull(MetricsServlet.refusal(config("localhost", ""), "10.1.2.3", null));
        assertNotNull(MetricsServlet.refusal(config("token", "s3cret"), "127.0.0.1", null));
        assertNotNull(MetricsServlet.refusal(config("token", "s3cret"), "10.1.2.3", "Bearer wrong"));
        assertNull(MetricsServlet.refusal(config("token", "s3cret"), "10.1.2.3", "Bearer s3cret"));
        assertNotNull(MetricsServlet.refusal(config("token", ""), "10.1.2.3", "Bearer "), "no token configured: nobody");
        assertNull(MetricsServlet.refusal(config("open", ""), "10.1.2.3", null));
    }

    @Test
    void theRegistryScrapesInPrometheusFormat() {
        Metrics m = new Metrics();
        m.registry().counter("evergreen.test").increment();
        String text = m.scrape();
        assertTrue(text.contains("evergreen_test_total{application=\"evergreen\"} 1.0"), text);
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM meters are bound");
        m.stop();
    }

    private static OpsConfig config(String access, String token) {
        return new OpsConfig() {
            public Class<? extends Annotation> annotationType() { return OpsConfig.class; }
            public String metricsAccess() { return access; }
            public String metricsToken() { return token; }
            public int gaugeCacheSeconds() { return 10; }
            public int maxEndpoints() { return 200; }
        };
    }
}
