package org.evergreencrm.queue.internal;

import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.compliance.internal.ComplianceServiceImpl;
import org.evergreencrm.store.internal.TestDatabases;

/** A migrated database with the real compliance service, test contacts, a hand-moved clock and the queue. */
final class QueueFixture {
    /** Wednesday 2026-11-18, noon in New York: a past date, so compliance accepts records made "now". */
    static final Instant NOON_ET = Instant.parse("2026-11-18T17:00:00Z");
    static final Map<String, Object> RULES = Map.of("federal.window", "08:00-21:00",
            "state.FL.window", "08:00-20:00", "state.FL.maxCallsPer24h", "3", "state.FL.areaCodes", "239,305,407,561,727,813,850,904,941,954",
            "state.OK.window", "08:00-20:00", "state.OK.maxCallsPer24h", "3", "state.OK.areaCodes", "405,539,580,918");

    final DataSource ds;
    final ComplianceService compliance;
    final TestContacts contacts;
    final TestClock clock = new TestClock(NOON_ET);
    final CallQueueImpl queue;

    QueueFixture(DataSource ds) {
        this(ds, BucketMix.Mode.EVEN);
    }

    QueueFixture(DataSource ds, BucketMix.Mode mix) {
        this.ds = TestDatabases.migrated(ds);
        this.compliance = new ComplianceServiceImpl(ds, null, RULES);
        this.contacts = new TestContacts(ds);
        this.queue = new CallQueueImpl(ds, compliance, contacts, new Claimer.Settings(java.time.Duration.ofMinutes(10), 1, 20,
                java.time.Duration.ofHours(24)), mix, clock);
    }
}
