package org.evergreencrm.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.schedule.OneTimeTask;
import org.evergreencrm.api.schedule.RecurringTask;
import org.evergreencrm.api.schedule.ScheduledTaskStatus;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scheduler on the real table, on H2 and PostgreSQL: runs, failures, and two nodes sharing one database. */
class PlatformSchedulerTest {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recurringTasksRunFailuresCountAndTwoNodesNeverRunATaskTwiceAtOnce(TestDatabases.Db db) throws Exception {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        RecurringTask shared = task("shared-sweep", () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            runs.incrementAndGet();
            Thread.sleep(300);
            running.decrementAndGet();
        });
        RecurringTask failing = task("always-fails", () -> {
            throw new IllegalStateException("broken on purpose");
        });
        PlatformScheduler a = new PlatformScheduler(ds, null, config("node-a"));
        PlatformScheduler b = new PlatformScheduler(ds, null, config("node-b"));
        try {
            a.addTask(shared);
            b.addTask(shared);
            a.addTask(failing);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && (runs.get() < 4 || failures(a.tasks()) < 1)) {
                Thread.sleep(200);
            }
            assertTrue(runs.get() >= 4, "the shared task ran again and again: " + runs.get());
            assertEquals(0, overlaps.get(), "two nodes never ran the same task at the same time");
            List<ScheduledTaskStatus> tasks = a.tasks();
            ScheduledTaskStatus sweep = tasks.stream().filter(t -> t.name().equals("shared-sweep")).findFirst().orElseThrow();
            assertTrue(sweep.lastSuccess() != null && sweep.nextRun() != null, sweep.toString());
            assertTrue(sweep.registered());
            ScheduledTaskStatus broken = tasks.stream().filter(t -> t.name().equals("always-fails")).findFirst().orElseThrow();
            assertTrue(broken.consecutiveFailures() >= 1 && broken.lastFailure() != null, "a failure is visible: " + broken);
            assertTrue(broken.nextRun().isAfter(broken.lastFailure()), "and it is retried later: " + broken);
            a.removeTask(failing);
            assertTrue(a.tasks().stream().filter(t -> t.name().equals("always-fails")).noneMatch(ScheduledTaskStatus::registered),
                    "a task no bundle offers any more is shown as such");
        } finally {
            a.stop();
            b.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oneTimeTasksRunOnceAcrossNodesAndAFailingOneEndsVisiblyFailed(TestDatabases.Db db) throws Exception {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        java.util.Map<String, AtomicInteger> ran = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.List<String> data = new java.util.concurrent.CopyOnWriteArrayList<>();
        OneTimeTask send = once("send-reminder", 5, (instance, d) -> {
            ran.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
            data.add(d);
        });
        OneTimeTask broken = once("broken-step", 2, (instance, d) -> {
            throw new IllegalStateException("no such provider");
        });
        PlatformScheduler a = new PlatformScheduler(ds, null, config("node-a"));
        PlatformScheduler b = new PlatformScheduler(ds, null, config("node-b"));
        try {
            a.addOneTimeTask(send);
            b.addOneTimeTask(send);
            a.addOneTimeTask(broken);
            java.time.Instant now = java.time.Instant.now();
            for (int i = 0; i < 10; i++) {
                assertTrue(a.schedule("send-reminder", "task-" + i, now, "payload-" + i));
            }
            // (an instance due now may already have run and gone when the other node asks: use one due later)
            assertTrue(a.schedule("send-reminder", "once", now.plusSeconds(3600), null));
            assertFalse(b.schedule("send-reminder", "once", now.plusSeconds(3600), "again"), "an instance is scheduled once");
            assertTrue(b.cancel("send-reminder", "once"));
            assertTrue(a.schedule("send-reminder", "later", now.plusSeconds(3600), null));
            assertTrue(a.cancel("send-reminder", "later"));
            assertFalse(a.cancel("send-reminder", "later"));
            assertTrue(b.schedule("broken-step", "step-1", now, null));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && (ran.size() < 10 || !state(a, "broken-step").equals("FAILED"))) {
                Thread.sleep(200);
            }
            assertEquals(10, ran.size(), "every instance ran: " + ran.keySet());
            assertTrue(ran.values().stream().allMatch(n -> n.get() == 1), "each once, though two nodes offer it: " + ran);
            assertTrue(data.contains("payload-7"));
            assertTrue(a.tasks().stream().noneMatch(t -> t.name().equals("send-reminder")), "done instances leave the table");
            ScheduledTaskStatus failed = a.tasks().stream().filter(t -> t.name().equals("broken-step")).findFirst().orElseThrow();
            assertEquals("FAILED", failed.state(), failed.toString());
            assertEquals(2, failed.consecutiveFailures(), "both attempts were made: " + failed);
            assertEquals(null, failed.nextRun());
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static String state(PlatformScheduler s, String task) {
        return s.tasks().stream().filter(t -> t.name().equals(task)).map(ScheduledTaskStatus::state).findFirst().orElse("-");
    }

    interface OnceBody {
        void run(String instance, String data) throws Exception;
    }

    private static OneTimeTask once(String name, int attempts, OnceBody body) {
        return new OneTimeTask() {
            public String name() { return name; }
            public int maxAttempts() { return attempts; }
            public void run(String instance, String d) throws Exception { body.run(instance, d); }
        };
    }

    private static int failures(List<ScheduledTaskStatus> tasks) {
        return tasks.stream().filter(t -> t.name().equals("always-fails")).mapToInt(ScheduledTaskStatus::consecutiveFailures)
                .max().orElse(0);
    }

    interface Body {
        void run() throws Exception;
    }

    private static RecurringTask task(String name, Body body) {
        return new RecurringTask() {
            public String name() { return name; }
            public Duration every() { return Duration.ofMillis(100); }
            public void run() throws Exception { body.run(); }
        };
    }

    private static SchedulerConfig config(String node) {
        return new SchedulerConfig() {
            public Class<? extends Annotation> annotationType() { return SchedulerConfig.class; }
            public int pollingSeconds() { return 1; }
            public int threads() { return 2; }
            public int retrySeconds() { return 1; }
            public int heartbeatSeconds() { return 10; }
            public String nodeName() { return node; }
        };
    }
}
