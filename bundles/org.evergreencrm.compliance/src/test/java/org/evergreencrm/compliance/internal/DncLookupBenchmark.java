package org.evergreencrm.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.evergreencrm.api.compliance.CallTarget;
import org.evergreencrm.api.compliance.DncImport;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The registry at production size on PostgreSQL: a streamed import through {@link DncImporter} (rows/s), then
 * 50M numbers in {@code dnc_number} and the latency of a compliance check (registry + consent lookup and the
 * decision) against a bare primary-key lookup, in the same run.
 * <pre>./mvnw -o -Pbenchmark -pl bundles/org.evergreencrm.compliance test -Dtest=DncLookupBenchmark \
 *   -Devergreen.test.pg.url=jdbc:postgresql://127.0.0.1:5432/test?user=postgres</pre>
 * Sizes: {@code -Devergreen.bench.numbers=50000000 -Devergreen.bench.import=2000000 -Devergreen.bench.lookups=200000}.
 */
class DncLookupBenchmark {
    private static final long NUMBERS = Long.getLong("evergreen.bench.numbers", 50_000_000L);
    private static final int IMPORT = Integer.getInteger("evergreen.bench.import", 2_000_000);
    private static final int LOOKUPS = Integer.getInteger("evergreen.bench.lookups", 200_000);
    private static final long BASE = 2_012_000_000L;
    private static final long STEP = 7;

    @Test
    void registryLookupAt50MillionNumbers() throws Exception {
        String url = TestDatabases.postgresUrl();
        assumeTrue(url != null, "the DNC benchmark runs on PostgreSQL: set evergreen.test.pg.url");
        TestDatabases.Db db = TestDatabases.postgres(url);
        TestDatabases.migrated(db.dataSource());
        ComplianceServiceImpl s = new ComplianceServiceImpl(db.dataSource(), CallingRules.from(java.util.Map.of(
                "federal.window", "00:00-23:59:59")), Clock.systemUTC());

        long t0 = System.nanoTime();
        DncImport job = ComplianceServiceTest.await(s, s.startImport(Actor.system(), "US-NY", numbers(IMPORT), "bench"), 3_600_000);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(DncImport.DONE, job.state());
        assertEquals(IMPORT, job.added());
        System.out.printf("[bench] streamed import: %,d numbers in %.1f s = %,.0f numbers/s%n", IMPORT, importSeconds, IMPORT / importSeconds);

        t0 = System.nanoTime();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO dnc_number (phone, list_code) SELECT CAST(" + BASE + " AS BIGINT) + CAST(g AS BIGINT) * " + STEP + ", 'US' FROM generate_series(0, "
                    + (NUMBERS - 1) + ") g");
            st.execute("ANALYZE dnc_number");
            try (ResultSet rs = st.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('dnc_number'))")) {
                rs.next();
                System.out.printf("[bench] loaded %,d registry numbers (+%,d imported) in %.0f s; table with index: %s%n", NUMBERS, IMPORT,
                        (System.nanoTime() - t0) / 1e9, rs.getString(1));
            }
        }

        SplittableRandom random = new SplittableRandom(42);
        long[] phones = new long[LOOKUPS];
        for (int i = 0; i < LOOKUPS; ) {
            long k = random.nextLong(NUMBERS);
            long phone = BASE + k * STEP + (random.nextBoolean() ? 0 : 1); // half on the list, half not
            if (s.usNumber("+1" + phone).isPresent()) { // only numbers that can be called at all
                phones[i++] = phone;
            }
        }
        for (int round = 0; round < 2; round++) {
            long[] raw = new long[LOOKUPS];
            long[] ours = new long[LOOKUPS];
            int hitsRaw = 0;
            int hitsOurs = 0;
            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT list_code FROM dnc_number WHERE phone = ?")) {
                for (int i = 0; i < LOOKUPS; i++) {
                    long a = System.nanoTime();
                    ps.setLong(1, phones[i]);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            hitsRaw++;
                        }
                    }
                    raw[i] = System.nanoTime() - a;
                }
                Instant now = Instant.now();
                for (int i = 0; i < LOOKUPS; i++) {
                    long a = System.nanoTime();
                    boolean denied = "REGISTRY_DNC".equals(s.check(new CallTarget((long) i, "+1" + phones[i], "NY", "10001"), now, c).code());
                    ours[i] = System.nanoTime() - a;
                    if (denied) {
                        hitsOurs++;
                    }
                }
            }
            assertEquals(hitsRaw, hitsOurs, "both find the same numbers on the list");
            System.out.printf("[bench] round %d, %,d lookups (%,d on the list): raw PK lookup p50 %.3f ms p99 %.3f ms; "
                    + "compliance check p50 %.3f ms p99 %.3f ms (ratio of p99 %.2f)%n", round + 1, LOOKUPS, hitsRaw, pct(raw, 0.5),
                    pct(raw, 0.99), pct(ours, 0.5), pct(ours, 0.99), pct(ours, 0.99) / pct(raw, 0.99));
        }
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + ((org.postgresql.ds.PGSimpleDataSource) db.dataSource()).getCurrentSchema() + " CASCADE");
        }
    }

    static double pct(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(p * sorted.length) - 1] / 1e6;
    }

    /** A registry file of {@code n} numbers, generated as it is read (constant memory, like a real file). */
    static InputStream numbers(int n) {
        return new InputStream() {
            private int i;
            private byte[] line = new byte[0];
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos == line.length) {
                    if (i == n) {
                        return -1;
                    }
                    line = (3_150_000_000L + (long) i * 3 + "\n").getBytes(StandardCharsets.US_ASCII);
                    i++;
                    pos = 0;
                }
                return line[pos++];
            }
        };
    }
}
