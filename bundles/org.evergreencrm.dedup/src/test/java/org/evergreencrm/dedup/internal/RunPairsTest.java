package org.evergreencrm.dedup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.MatchResult;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A finished run's pairs outlive the node's memory: stored once per run, read back the same, replaced by the next run. */
class RunPairsTest {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pairsAreReadBackAsStoredAndTheNextRunReplacesThem(TestDatabases.Db db) {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        List<MatchResult> pairs = List.of(new MatchResult("1", "2", 0.9993, 11.5, List.of()),
                new MatchResult("3", "7", 0.42, -0.3, List.of()), new MatchResult("2", "9", 0.0512, -4.1, List.of()));
        RunPairs store = new RunPairs(ds);
        store.replace(5L, pairs, Map.of("1", "rec-1-org", "2", "rec-1-dup-0", "7", "rec-3-dup-1"));

        RunPairs.Stored back = new RunPairs(ds).load(5L); // as a node does after a restart
        assertEquals(pairs, back.pairs());
        assertEquals(Map.of("1", "rec-1-org", "2", "rec-1-dup-0", "7", "rec-3-dup-1"), back.externalIds());

        store.replace(6L, List.of(pairs.get(0)), Map.of());
        assertEquals(List.of(), store.load(5L).pairs(), "only the last run's pairs are kept");
        assertEquals(List.of(pairs.get(0)), store.load(6L).pairs());
    }
}
