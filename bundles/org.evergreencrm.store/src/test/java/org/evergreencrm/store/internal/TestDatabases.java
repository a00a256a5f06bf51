package org.evergreencrm.store.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases persistence tests run on: H2 always, PostgreSQL when a JDBC URL is given in the system
 * property or environment variable {@code evergreen.test.pg.url} / {@code EVERGREEN_TEST_PG_URL}. Each run
 * gets a fresh schema so tests never see each other's rows.
 */
public final class TestDatabases {
    /** Databases used in this JVM, in first-use order; {@link DatabaseSummaryListener} prints them at the end. */
    static final java.util.Set<String> RAN = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

    public record Db(String name, DataSource dataSource) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Liquibase logs every change set through JUL at INFO; keep test output readable. */
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
    }

    private TestDatabases() {
    }

    public static String postgresUrl() {
        String url = System.getProperty("evergreen.test.pg.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("EVERGREEN_TEST_PG_URL");
        }
        return url == null || url.isBlank() || url.startsWith("${") ? null : url;
    }

    public static Stream<Db> all() {
        List<Db> dbs = new ArrayList<>();
        dbs.add(h2());
        String pg = postgresUrl();
        if (pg != null) {
            dbs.add(postgres(pg));
        } else {
            System.out.println("[evergreen] PostgreSQL persistence tests skipped: set evergreen.test.pg.url or EVERGREEN_TEST_PG_URL");
        }
        return dbs.stream();
    }

    public static Db h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        RAN.add("H2");
        return new Db("H2", ds);
    }

    /** A fresh schema in the given PostgreSQL database, used through {@code currentSchema}. */
    public static Db postgres(String url) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " is not reachable: " + e.getMessage(), e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        RAN.add("PostgreSQL");
        return new Db("PostgreSQL", ds);
    }

    /**
     * The core bundles' changelogs, in the order the distribution applies them on a new database. Outside OSGi
     * there is no extender: {@link #migrated} applies those a module's test class path holds.
     */
    static final List<String> BUNDLE_CHANGELOGS = List.of("db/compliance/changelog.xml", "db/queue/changelog.xml",
            "db/leads/changelog.xml", "db/scheduler/changelog.xml", "db/timeline/changelog.xml", "db/dedup/changelog.xml",
            "db/address/changelog.xml", "db/enrichment/changelog.xml", "db/smartystreets/changelog.xml", "db/scoring/changelog.xml");

    /** Migrates the store's schema and every core bundle's on the class path; for modules that use plain JDBC. */
    public static DataSource migrated(DataSource ds) {
        ClassLoader loader = TestDatabases.class.getClassLoader();
        SchemaMigrator migrator = new SchemaMigrator(ds, loader);
        migrator.migrate();
        for (String changelog : BUNDLE_CHANGELOGS) {
            if (loader.getResource(changelog) != null) {
                migrator.migrate(changelog, loader);
            } else {
                ClassLoader sibling = siblingModule(changelog);
                if (sibling != null) {
                    migrator.migrate(changelog, sibling);
                }
            }
        }
        return ds;
    }

    /**
     * A changelog of a module this one does not depend on (compliance counts the queue's call attempts), read from
     * that module's sources beside this one in the build tree; {@code null} when it is not there.
     */
    private static ClassLoader siblingModule(String changelog) {
        String bundle = changelog.split("/")[1];
        java.nio.file.Path resources = java.nio.file.Path.of("..", "org.evergreencrm." + bundle, "src", "main", "resources");
        if (!java.nio.file.Files.isRegularFile(resources.resolve(changelog))) {
            return null;
        }
        try {
            return new java.net.URLClassLoader(new java.net.URL[] {resources.toUri().toURL()}, null);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Migrates the schema, then opens the "evergreen" unit on it outside OSGi. */
    public static EntityManagerFactory migratedUnit(DataSource ds) {
        migrated(ds);
        Map<String, Object> props = new HashMap<>();
        props.put("openjpa.ConnectionFactory", ds);
        props.put("openjpa.ConnectionFactoryMode", "local");
        props.put("javax.persistence.nonJtaDataSource", ds);
        props.put("openjpa.Log", "DefaultLevel=WARN");
        return Persistence.createEntityManagerFactory("evergreen", props);
    }
}
