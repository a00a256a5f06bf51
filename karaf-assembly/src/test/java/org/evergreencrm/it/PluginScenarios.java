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

/**
 * The sample lead-source plugin installs and uninstalls live: its leads arrive, nothing else is stopped or refreshed;
 * it brings its own table, which outlives an uninstall, and a reinstall migrates nothing again.
 */
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
            org.evergreencrm.api.store.BundleSchema first = SchemaScenarios.awaitSchema(
                    SchemaScenarios.service(context, org.evergreencrm.api.store.StoreInfo.class, null),
                    "org.evergreencrm.samplefeed", org.evergreencrm.api.store.BundleSchema.State.APPLIED);
            assertEquals("the plugin's two change sets, at its first install", 2, first.newlyApplied());
            assertEquals("one delivery row per lead", 5, ChangeLogTable.count(SchemaScenarios.dataSource(context),
                    "SELECT COUNT(*) FROM acme_sample_delivery"));
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

            // its table: made at the first install, kept with its rows after the uninstall, not migrated again
            javax.sql.DataSource ds = SchemaScenarios.dataSource(context);
            org.evergreencrm.api.store.StoreInfo store = SchemaScenarios.service(context, org.evergreencrm.api.store.StoreInfo.class, null);
            assertEquals("the plugin's table keeps its rows", 5, ChangeLogTable.count(ds, "SELECT COUNT(*) FROM acme_sample_delivery"));
            assertNull("no schema entry while uninstalled", SchemaScenarios.schemaOf(store, "org.evergreencrm.samplefeed"));
            String before = ChangeLogTable.fingerprint(ds);
            assertEquals(2, ChangeLogTable.count(ds, "SELECT COUNT(*) FROM databasechangelog WHERE author = 'evergreen-samplefeed'"));
            features = new ServiceTracker<>(context, org.apache.karaf.features.FeaturesService.class, null);
            features.open();
            fs = features.waitForService(10_000);
            fs.installFeature("evergreen-sample-leadfeed");
            org.evergreencrm.api.store.BundleSchema again = SchemaScenarios.awaitSchema(store, "org.evergreencrm.samplefeed",
                    org.evergreencrm.api.store.BundleSchema.State.APPLIED);
            assertEquals("a reinstall applies only what is new: nothing", 0, again.newlyApplied());
            assertEquals("no change set ran again", before, ChangeLogTable.fingerprint(ds));
            SchemaScenarios.service(context, org.evergreencrm.api.store.SchemaReady.class, "(evergreen.schema=org.evergreencrm.samplefeed)");
            Thread.sleep(1500); // a poll or two: the feed's cursor says it is done, so no row is added twice
            assertEquals(5, ChangeLogTable.count(ds, "SELECT COUNT(*) FROM acme_sample_delivery"));
            fs.uninstallFeature("evergreen-sample-leadfeed");
            features.close();
        } finally {
            context.removeBundleListener(listener);
        }
    }
}
