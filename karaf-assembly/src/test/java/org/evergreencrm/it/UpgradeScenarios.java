package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import javax.sql.DataSource;

import org.evergreencrm.api.store.BundleSchema;
import org.evergreencrm.api.store.StoreInfo;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution started on a database the previous release made (the store's single changelog of that release,
 * with a contact, a lead and a do-not-call number in it; see {@code PreviousRelease} in the store's tests): it comes
 * up healthy, with every bundle's schema applied and no change set run again, and the old rows are all there.
 */
final class UpgradeScenarios {
    static final String FINGERPRINT = "evergreen.test.upgrade.fingerprint";
    private final EvergreenTestSupport support;
    private final BundleContext context;

    UpgradeScenarios(EvergreenTestSupport support, BundleContext context) throws Exception {
        this.support = support;
        this.context = context;
        support.awaitAllBundlesActive();
    }

    void aPreviousReleaseDatabaseUpgradesInPlace() throws Exception {
        StoreInfo store = SchemaScenarios.service(context, StoreInfo.class, null);
        boolean pg = store.databaseProduct().startsWith("PostgreSQL");
        for (String b : new String[] {"store", "compliance", "queue", "leads", "scheduler"}) {
            BundleSchema s = SchemaScenarios.awaitSchema(store, "org.evergreencrm." + b, BundleSchema.State.APPLIED);
            // on PostgreSQL the scheduler fixes its task_data column (012-task-data-bytea); the queue remembers which
            // callbacks it announced (030-callback-reminded); the leads keep a score's priority, model and reasons
            // (010-lead-score); nothing else is new
            int expected = (pg && b.equals("scheduler")) || b.equals("queue") || b.equals("leads") ? 1 : 0;
            assertEquals("new change sets for " + b + " on the previous release's database", expected, s.newlyApplied());
        }
        BundleSchema timeline = SchemaScenarios.awaitSchema(store, "org.evergreencrm.timeline", BundleSchema.State.APPLIED);
        assertEquals("the bundle that is new since that release brings its three change sets", 3, timeline.newlyApplied());
        BundleSchema dedup = SchemaScenarios.awaitSchema(store, "org.evergreencrm.dedup", BundleSchema.State.APPLIED);
        assertEquals("the dedup bundle's tables of its own: run pairs, the key refresh", 2, dedup.newlyApplied());
        BundleSchema console = SchemaScenarios.awaitSchema(store, "org.evergreencrm.console", BundleSchema.State.APPLIED);
        assertEquals("the console bundle, new since that release, brings its sessions table", 1, console.newlyApplied());
        BundleSchema address = SchemaScenarios.awaitSchema(store, "org.evergreencrm.address", BundleSchema.State.APPLIED);
        assertEquals("the address bundle, new since that release: ZIP directory and contact addresses", 2, address.newlyApplied());
        BundleSchema enrichment = SchemaScenarios.awaitSchema(store, "org.evergreencrm.enrichment", BundleSchema.State.APPLIED);
        assertEquals("the enrichment bundle, new since that release: values, runs, jobs; the property-data cache", 2, enrichment.newlyApplied());
        DataSource ds = SchemaScenarios.dataSource(context);
        String[] before = System.getProperty(FINGERPRINT).split(":");
        int rows = Integer.parseInt(before[0]);
        assertEquals("the change log is as the previous release left it: nothing re-run", before[1], ChangeLogTable.fingerprint(ds, rows));
        assertEquals("and only the new change sets added", rows + 12 + (pg ? 1 : 0),
                ChangeLogTable.count(ds, "SELECT COUNT(*) FROM databasechangelog"));
        String status = support.shell("crm:status");
        assertTrue(status, status.contains("HEALTHY") && !status.contains("UNHEALTHY"));

        Http http = support.http();
        JsonNode found = http.send("GET", "/api/v1/contacts?q=oldrelease", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        JsonNode items = found.has("items") ? found.get("items") : found;
        assertEquals(found.toString(), 1, items.size());
        assertEquals(found.toString(), "Agnes", items.get(0).get("firstName").asText());
        boolean legacy = false;
        for (JsonNode s : http.send("GET", "/api/v1/leads/sources", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json()) {
            legacy |= "legacy-form".equals(s.get("source").asText()) && s.get("leads").asLong() == 1;
        }
        assertTrue("the old lead is counted under its source", legacy);
        JsonNode number = http.send("GET", "/api/v1/compliance/numbers/813-555-0999", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        assertTrue(number.toString(), number.get("doNotCall").asBoolean());
        assertEquals(200, http.send("GET", "/health/ready", null, null, null).status());

        // the upgraded database takes new work
        String added = support.shell("crm:contact-add --first Nina --last Newrelease --phone 813-555-0188 --zip 33602");
        assertTrue(added, added.contains("Created contact"));
        assertEquals(2, ChangeLogTable.count(ds, "SELECT COUNT(*) FROM contact WHERE last_name IN ('Oldrelease', 'Newrelease')"));
    }
}
