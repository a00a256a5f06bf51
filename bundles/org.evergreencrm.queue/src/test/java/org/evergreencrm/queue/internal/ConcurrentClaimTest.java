package org.evergreencrm.queue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.BucketDraft;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariDataSource;

/** No two claimers ever get the same contact: many threads in one JVM, and on PostgreSQL two JVMs at once. */
class ConcurrentClaimTest {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    private static List<Long> fill(QueueFixture f, int n) {
        Bucket b = f.queue.createBucket(CallQueueTest.ADMIN, new BucketDraft("all", 1, null, null, null, null, null, null, null));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(f.contacts.add("P" + i, "Person", String.format("212-55%d-%04d", 5 + i / 10_000, i % 10_000), "NY", "10001"));
        }
        f.queue.enqueue(CallQueueTest.ADMIN, b.id(), ids, null, false);
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void manyThreadsNeverClaimTheSameContact(TestDatabases.Db db) throws Exception {
        try (HikariDataSource ds = ClaimWorker.pooled(db.dataSource(), 40)) {
            QueueFixture f = new QueueFixture(ds);
            List<Long> ids = fill(f, 400);
            List<Long> claimed = ClaimWorker.claimAll(f.queue, 16, 1, new CountDownLatch(0));
            assertEquals(ids.size(), claimed.size(), "every contact claimed exactly once");
            assertEquals(new HashSet<>(ids), new HashSet<>(claimed));
        }
    }

    @Test
    void twoProcessesOnPostgresNeverClaimTheSameContact() throws Exception {
        String url = TestDatabases.postgresUrl();
        assumeTrue(url != null, "PostgreSQL not configured (evergreen.test.pg.url): the two-process claim test needs a shared database");
        TestDatabases.Db db = TestDatabases.postgres(url);
        try (HikariDataSource ds = ClaimWorker.pooled(db.dataSource(), 40)) {
            QueueFixture f = new QueueFixture(ds);
            List<Long> ids = fill(f, 1_000);
            String schema = ((PGSimpleDataSource) db.dataSource()).getCurrentSchema();
            // each thread takes at most 1/20 of the queue, so neither process can take it all (24 threads: 120%)
            int cap = ids.size() / 20;
            Process child = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    "-cp", System.getProperty("java.class.path"), ClaimWorker.class.getName(), url, schema, "12", Integer.toString(cap))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertEquals("READY", first, "the second process did not start");
            f.queue.stats();
            child.getOutputStream().write("GO\n".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
            List<Long> mine = ClaimWorker.claimAll(f.queue, 12, 1, new CountDownLatch(0), cap);
            List<Long> theirs = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("CLAIMED ")) {
                    theirs.add(Long.parseLong(line.substring(8)));
                }
            }
            assertEquals(true, child.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
            Set<Long> both = new HashSet<>(mine);
            both.retainAll(theirs);
            assertEquals(Set.of(), both, "contacts claimed by both processes");
            assertEquals(ids.size(), mine.size() + theirs.size(), "every contact claimed exactly once");
            System.out.printf("[evergreen] two processes claimed %d + %d of %d contacts, none twice%n", mine.size(), theirs.size(), ids.size());
            assumeTrue(!theirs.isEmpty(), "the second process claimed nothing (it started late); no overlap was possible");
        }
    }
}
