package org.evergreencrm.queue.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.Claim;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.compliance.internal.ComplianceServiceImpl;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Claims contacts with many threads until the queue is empty and prints one {@code CLAIMED contactId} line per
 * claim. Run in a separate JVM by {@link ConcurrentClaimTest} to prove two processes never claim the same contact.
 */
public final class ClaimWorker {
    private ClaimWorker() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String schema = args[1];
        int threads = Integer.parseInt(args[2]);
        int maxPerThread = Integer.parseInt(args[3]);
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setCurrentSchema(schema);
        try (HikariDataSource ds = pooled(pg, threads * 2 + 2)) {
            CallQueueImpl queue = new CallQueueImpl(ds, new ComplianceServiceImpl(ds, null, QueueFixture.RULES), new TestContacts(ds),
                    new Claimer.Settings(Duration.ofMinutes(10), 1, 20, Duration.ofHours(24)), BucketMix.Mode.EVEN,
                    new TestClock(QueueFixture.NOON_ET));
            queue.stats(); // warm the pool and the code paths before the start signal
            System.out.println("READY");
            System.out.flush();
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine(); // GO
            for (long id : claimAll(queue, threads, 200, null, maxPerThread)) {
                System.out.println("CLAIMED " + id);
            }
        }
    }

    static HikariDataSource pooled(DataSource ds, int size) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(ds);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** Each thread claims as its own rep until it finds nothing; returns every claimed contact id. */
    static List<Long> claimAll(CallQueue queue, int threads, long firstUserId, CountDownLatch start) throws InterruptedException {
        return claimAll(queue, threads, firstUserId, start, Integer.MAX_VALUE);
    }

    /** Each thread claims as its own rep until it finds nothing or has claimed {@code maxPerThread}. */
    static List<Long> claimAll(CallQueue queue, int threads, long firstUserId, CountDownLatch start, int maxPerThread)
            throws InterruptedException {
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Actor rep = new Actor(firstUserId + t, "rep" + (firstUserId + t), Role.REP, null);
            Thread w = new Thread(() -> {
                try {
                    if (start != null) {
                        start.await();
                    }
                    int n = 0;
                    for (Optional<Claim> c = queue.next(rep); c.isPresent(); c = n < maxPerThread ? queue.next(rep) : Optional.empty()) {
                        claimed.add(c.get().contactId());
                        n++;
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a claimer failed", errors.get(0));
        }
        return claimed;
    }
}
