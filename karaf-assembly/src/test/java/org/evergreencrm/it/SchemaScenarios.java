package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.sql.DataSource;

import org.evergreencrm.api.store.BundleSchema;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.api.store.StoreInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Schema per bundle in the running distribution: every core bundle's schema applied; a plugin's broken changelog
 * keeps only that plugin down and says why (crm:status, /health/ready, the log); a plugin waiting for another's
 * schema says which.
 */
final class SchemaScenarios {
    private static final String NS = "xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog "
            + "http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\"";
    private final EvergreenTestSupport support;
    private final BundleContext context;

    SchemaScenarios(EvergreenTestSupport support, BundleContext context) throws Exception {
        this.support = support;
        this.context = context;
        support.awaitAllBundlesActive();
    }

    static <T> T service(BundleContext context, Class<T> type, String filter) throws Exception {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, filter == null
                ? context.createFilter("(objectClass=" + type.getName() + ")")
                : context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        tracker.open();
        T found = tracker.waitForService(30_000);
        assertNotNull(type.getSimpleName() + " " + filter, found);
        return found;
    }

    static DataSource dataSource(BundleContext context) throws Exception {
        return service(context, DataSource.class, "(osgi.jndi.service.name=evergreen)");
    }

    static BundleSchema schemaOf(StoreInfo store, String bundle) {
        for (BundleSchema s : store.schemas()) {
            if (s.bundle().equals(bundle)) {
                return s;
            }
        }
        return null;
    }

    static BundleSchema awaitSchema(StoreInfo store, String bundle, BundleSchema.State state) throws InterruptedException {
        BundleSchema s = null;
        for (int i = 0; i < 200; i++) {
            s = schemaOf(store, bundle);
            if (s != null && s.state() == state) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(bundle + " never reached " + state + ": " + s);
    }

    void everyCoreBundleOwnsItsSchema() throws Exception {
        StoreInfo store = service(context, StoreInfo.class, null);
        for (String b : new String[] {"store", "compliance", "queue", "leads", "scheduler", "timeline", "dedup", "address", "enrichment"}) {
            BundleSchema s = schemaOf(store, "org.evergreencrm." + b);
            assertNotNull(b + " in " + store.schemas(), s);
            assertEquals(s.toString(), BundleSchema.State.APPLIED, s.state());
            service(context, SchemaReady.class, "(evergreen.schema=org.evergreencrm." + b + ")");
        }
        String status = support.shell("crm:status");
        assertTrue(status, status.contains("org.evergreencrm.queue") && status.contains("APPLIED (db/queue/changelog.xml"));
    }

    void aBrokenPluginMigrationKeepsOnlyThatPluginDown() throws Exception {
        StoreInfo store = service(context, StoreInfo.class, null);
        DataSource ds = dataSource(context);
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String table = "broken_plugin_ok_" + suffix;
        // first change set fine, the second refers to a table that does not exist
        String changelog = "<databaseChangeLog " + NS + ">"
                + "<changeSet id=\"broken-1\" author=\"it\"><createTable tableName=\"" + table + "\">"
                + "<column name=\"id\" type=\"BIGINT\"/></createTable></changeSet>"
                + "<changeSet id=\"broken-2\" author=\"it\"><sql>INSERT INTO no_such_table_" + suffix + " VALUES (1)</sql></changeSet>"
                + "</databaseChangeLog>";
        Bundle broken = install("org.example.broken" + suffix, "db/broken/changelog.xml", changelog);
        Bundle waiting = install("org.example.waiting" + suffix, "db/waiting/changelog.xml;after:=\"org.example.absent\"",
                "<databaseChangeLog " + NS + "/>");
        try {
            broken.start();
            waiting.start();
            BundleSchema failed = awaitSchema(store, broken.getSymbolicName(), BundleSchema.State.FAILED);
            assertTrue(failed.message(), failed.message().toLowerCase().contains("no_such_table_" + suffix));
            BundleSchema w = awaitSchema(store, waiting.getSymbolicName(), BundleSchema.State.WAITING);
            assertEquals("waits for the schema of org.example.absent", w.message());
            assertNull("no SchemaReady for a failed schema", context.getServiceReferences(SchemaReady.class,
                    "(evergreen.schema=" + broken.getSymbolicName() + ")").stream().findAny().orElse(null));
            assertEquals("the failed change set is not recorded", 0, ChangeLogTable.count(ds,
                    "SELECT COUNT(*) FROM databasechangelog WHERE id = 'broken-2'"));
            assertEquals("the good one before it is", 1, ChangeLogTable.count(ds,
                    "SELECT COUNT(*) FROM databasechangelog WHERE id = 'broken-1' AND author = 'it'"));
            String status = support.shell("crm:status");
            assertTrue(status, status.contains(broken.getSymbolicName()) && status.contains("FAILED") && status.contains("UNHEALTHY"));
            Http.Reply ready = support.http().send("GET", "/health/ready", null, null, null);
            assertEquals(ready.body(), 503, ready.status());
            assertTrue(ready.body(), ready.body().contains("not applied: ") && ready.body().contains(broken.getSymbolicName()));
            assertEquals("every other bundle's service is up", 200, support.http().send("GET", "/api/v1/contacts?limit=1",
                    "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).status());
        } finally {
            broken.uninstall();
            waiting.uninstall();
        }
        for (int i = 0; i < 100 && schemaOf(store, broken.getSymbolicName()) != null; i++) {
            Thread.sleep(100);
        }
        assertNull("an uninstalled plugin leaves the status", schemaOf(store, broken.getSymbolicName()));
        assertEquals(200, support.http().send("GET", "/health/ready", null, null, null).status());
    }

    /** A bundle with no code: a manifest naming its changelog, and the changelog. */
    private Bundle install(String name, String header, String changelog) throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", name);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue(SchemaReady.HEADER, header);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            String path = header.split(";")[0];
            jar.putNextEntry(new JarEntry(path));
            jar.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + changelog).getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return context.installBundle("evergreen-it:" + name, new ByteArrayInputStream(bytes.toByteArray()));
    }
}
