package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.RoutesBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/** The integration bundle's CamelContext in the distribution: routes contributed as services come and go; the allow-list holds. */
final class IntegrationScenarios {
    private final EvergreenTestSupport support;
    private final BundleContext context;

    IntegrationScenarios(EvergreenTestSupport support, BundleContext context) throws Exception {
        this.support = support;
        this.context = context;
        support.awaitAllBundlesActive();
    }

    void routesContributedAsServicesComeAndGo() throws Exception {
        ServiceTracker<CamelContext, CamelContext> tracker = new ServiceTracker<>(context, CamelContext.class, null);
        tracker.open();
        CamelContext camel = tracker.waitForService(30_000);
        assertNotNull("no CamelContext service", camel);
        RouteBuilder greeting = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:it-greeting").routeId("it-greeting").transform(simple("hello ${body}"));
            }
        };
        ServiceRegistration<RoutesBuilder> reg = context.registerService(RoutesBuilder.class, greeting, null);
        awaitRoute(camel, "it-greeting", true);
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            assertEquals("hello lead", producer.requestBody("direct:it-greeting", "lead", String.class));
        }
        String routes = support.shell("crm:integration-routes");
        assertTrue(routes, routes.contains("it-greeting") && routes.contains("Started"));
        reg.unregister();
        awaitRoute(camel, "it-greeting", false);

        RouteBuilder forbidden = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:it-forbidden").routeId("it-forbidden").to("exec:rm");
            }
        };
        ServiceRegistration<RoutesBuilder> bad = context.registerService(RoutesBuilder.class, forbidden, null);
        Thread.sleep(500);
        assertNull("a route with a scheme outside the allow-list was started", camel.getRoute("it-forbidden"));
        bad.unregister();
        tracker.close();
    }

    private static void awaitRoute(CamelContext camel, String id, boolean present) throws InterruptedException {
        for (int i = 0; i < 100 && (camel.getRoute(id) != null) != present; i++) {
            Thread.sleep(50);
        }
        assertEquals("route " + id + (present ? " never started" : " never removed"), present, camel.getRoute(id) != null);
    }
}
