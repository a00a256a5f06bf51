package org.evergreencrm.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database made by the release before schema-per-bundle is migrated in place by the bundles' own changelogs:
 * no change set runs again (same identity, same checksum, same execution order and time) and no row is lost.
 */
class SchemaUpgradeTest {

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPreviousReleaseDatabaseUpgradesInPlaceWithNothingRerun(TestDatabases.Db db) throws Exception {
        DataSource ds = db.dataSource();
        PreviousRelease.create(ds);
        List<PreviousRelease.Ran> before = PreviousRelease.changeLog(ds);
        assertEquals(db.name().equals("PostgreSQL") ? 21 : 20, before.size(), "the previous release's change sets");

        TestDatabases.migrated(ds); // the store's changelog, then compliance, queue, leads, scheduler, timeline

        List<PreviousRelease.Ran> after = PreviousRelease.changeLog(ds);
        assertEquals(before, after.subList(0, before.size()), "nothing re-run, checksums unchanged");
        List<String> added = new java.util.ArrayList<>();
        added.add("030-callback-reminded"); // the queue remembers which callbacks it announced
        added.add("010-lead-score"); // a lead's score priority, model and reasons
        if (db.name().equals("PostgreSQL")) {
            added.add("012-task-data-bytea"); // the scheduler's fix of its own table, PostgreSQL only
        }
        added.addAll(List.of("011-timeline-activities", "011-timeline-notes", "011-timeline-tasks", "013-dedup-run-pairs", "014-dedup-key-refresh",
                "address-001-zips", "address-001-contact-address", "enrichment-001-values", "enrichment-002-property-cache", "smartystreets-001-cache", "scoring-001-models", "scoring-002-training-jobs"));
        assertEquals(added, after.subList(before.size(), after.size()).stream().map(PreviousRelease.Ran::id).toList(),
                "only change sets that are new since that release were added");
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM contact WHERE last_name = '" + PreviousRelease.LAST_NAME + "'"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM contact_phone WHERE e164 = '" + PreviousRelease.PHONE + "'"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM lead WHERE source = '" + PreviousRelease.LEAD_SOURCE + "'"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM dnc_number WHERE phone = 8135550999"));
        for (PreviousRelease.Ran ran : before) {
            assertTrue(ran.filename().startsWith("db/changelog/"), ran + " keeps the path it was recorded with");
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
