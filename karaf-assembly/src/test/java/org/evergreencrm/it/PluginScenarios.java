package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/** The sample lead-source plugin installs and uninstalls live: its leads arrive, nothing else is stopped or refreshed. */
final class PluginScenarios {
    private final EvergreenTestSupport support;
    private final BundleContext context;

    PluginScenarios(EvergreenTestSupport support, BundleContext context) throws Exception {
        this.support = support;
        this.context = context;
        support.awaitAllBundlesActive();
    }

    void sampleLeadFeedInstallsAndUninstallsLive() throws Exception {
        List<String> stopped = new CopyOnWriteArrayList<>();
        BundleListener listener = e -> {
            if ((e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UNRESOLVED)
                    && !"org.evergreencrm.samplefeed".equals(e.getBundle().getSymbolicName())) {
                stopped.add(e.getBundle().getSymbolicName());
            }
        };
        context.addBundleListener(listener);
        try {
            ServiceTracker<org.apache.karaf.features.FeaturesService, org.apache.karaf.features.FeaturesService> features =
                    new ServiceTracker<>(context, org.apache.karaf.features.FeaturesService.class, null);
            features.open();
            org.apache.karaf.features.FeaturesService fs = features.waitForService(10_000);
            fs.installFeature("evergreen-sample-leadfeed"); // as feature:install does, default options
            String installed = "installed";
            long feedLeads = 0;
            for (int i = 0; i < 80 && feedLeads < 5; i++) {
                Thread.sleep(250);
                for (JsonNode s : support.http().send("GET", "/api/v1/leads/sources", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json()) {
                    if ("feed:acme-sample".equals(s.get("source").asText())) {
                        feedLeads = s.get("leads").asLong();
                    }
                }
            }
            assertEquals("the sample feed's five leads, once each (" + installed + ")", 5, feedLeads);
            ServiceTracker<CamelContext, CamelContext> tracker = new ServiceTracker<>(context, CamelContext.class, null);
            tracker.open();
            CamelContext camel = tracker.waitForService(10_000);
            assertTrue(camel.getRoute("lead-feed-acme-sample") != null);

            fs.uninstallFeature("evergreen-sample-leadfeed");
            features.close();
            for (int i = 0; i < 40 && camel.getRoute("lead-feed-acme-sample") != null; i++) {
                Thread.sleep(250);
            }
            assertNull("the feed's route left with the plugin", camel.getRoute("lead-feed-acme-sample"));
            for (Bundle b : context.getBundles()) {
                assertTrue("the plugin bundle is gone", !"org.evergreencrm.samplefeed".equals(b.getSymbolicName()));
            }
            tracker.close();
            assertEquals("no other bundle was stopped or refreshed", List.of(), stopped);
        } finally {
            context.removeBundleListener(listener);
        }
    }
}
