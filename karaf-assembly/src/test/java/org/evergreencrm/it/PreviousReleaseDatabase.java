package org.evergreencrm.it;

import javax.sql.DataSource;

import org.evergreencrm.store.internal.PreviousRelease;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs in the test JVM only, before Karaf starts (kept out of the IT classes so the probe inside Karaf never loads
 * it): makes a database as the previous release did, and says what its change log looked like.
 */
final class PreviousReleaseDatabase {
    private PreviousReleaseDatabase() {
    }

    /** @return the change log's row count and fingerprint after the previous release made the database, as "count:hash" */
    static String h2(String url) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return make(ds);
    }

    static String postgres(String url) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return make(ds);
    }

    private static String make(DataSource ds) throws Exception {
        PreviousRelease.create(ds);
        return ChangeLogTable.count(ds, "SELECT COUNT(*) FROM databasechangelog") + ":" + ChangeLogTable.fingerprint(ds);
    }
}
