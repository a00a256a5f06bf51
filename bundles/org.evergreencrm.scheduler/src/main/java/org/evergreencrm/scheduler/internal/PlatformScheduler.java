package org.evergreencrm.scheduler.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.evergreencrm.api.schedule.OneTimeTask;
import org.evergreencrm.api.schedule.RecurringTask;
import org.evergreencrm.api.schedule.ScheduledTaskStatus;
import org.evergreencrm.api.schedule.TaskScheduler;
import org.evergreencrm.api.store.SchemaReady;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The platform scheduler: db-scheduler on the Evergreen database. Bundles offer {@link RecurringTask} services
 * (whiteboard); each becomes a recurring db-scheduler task whose row in {@code scheduled_tasks} one node at a time
 * picks, so a due task runs once however many nodes share the database, and its next run survives restarts. A run
 * that throws is retried with exponential backoff; the failures count in the table until a run succeeds. When the
 * tasks offered change, the scheduler is rebuilt with the new set (db-scheduler knows its tasks when it starts).
 * {@link OneTimeTask} services are the kinds of one-time runs; {@link #schedule} adds an instance (durably, once).
 */
@Component(service = TaskScheduler.class, configurationPid = "org.evergreencrm.scheduler", immediate = true)
@Designate(ocd = SchedulerConfig.class)
public final class PlatformScheduler implements TaskScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformScheduler.class);
    private final DataSource ds;
    private final SchedulerConfig config;
    private final String node;
    private final Map<String, RecurringTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, OneTimeTask> oneTime = new ConcurrentHashMap<>();
    private final SchedulerClient client;
    private Scheduler scheduler;
    private boolean active;

    @Activate
    public PlatformScheduler(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.scheduler)") SchemaReady schemaReady, SchedulerConfig config) {
        this.ds = ds;
        this.config = config;
        this.node = config.nodeName().isBlank() ? host() + "-" + UUID.randomUUID().toString().substring(0, 8) : config.nodeName();
        this.client = SchedulerClient.Builder.create(ds).tableName(TaskTable.NAME).build();
        synchronized (this) {
            active = true;
            rebuild();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addTask(RecurringTask task) {
        RecurringTask before = tasks.putIfAbsent(task.name(), task);
        if (before != null) {
            LOG.error("two recurring tasks are named '{}': {} is ignored", task.name(), task.getClass().getName());
            return;
        }
        rebuild();
    }

    synchronized void removeTask(RecurringTask task) {
        if (tasks.remove(task.name(), task)) {
            rebuild();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addOneTimeTask(OneTimeTask task) {
        if (tasks.containsKey(task.name()) || oneTime.putIfAbsent(task.name(), task) != null) {
            LOG.error("two tasks are named '{}': {} is ignored", task.name(), task.getClass().getName());
            return;
        }
        rebuild();
    }

    synchronized void removeOneTimeTask(OneTimeTask task) {
        if (oneTime.remove(task.name(), task)) {
            rebuild();
        }
    }

    @Override
    public boolean schedule(String task, String instance, Instant at, String data) {
        if (task == null || task.isBlank() || instance == null || instance.isBlank() || at == null) {
            throw new IllegalArgumentException("a one-time task needs a name, an instance id and a time");
        }
        return client.scheduleIfNotExists(new TaskInstance<>(task, instance, data), at);
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean cancel(String task, String instance) {
        TaskInstanceId id = TaskInstanceId.of(task, instance);
        if (client.getScheduledExecution(id).isEmpty()) {
            return false;
        }
        client.cancel(id);
        return true;
    }

    @Deactivate
    synchronized void stop() {
        active = false;
        stopScheduler();
    }

    @Override
    public List<ScheduledTaskStatus> tasks() {
        Set<String> offered = new java.util.HashSet<>(tasks.keySet());
        offered.addAll(oneTime.keySet());
        return TaskTable.all(ds, offered);
    }

    /** Stops the running scheduler (letting running tasks finish) and starts one that knows the current tasks. */
    private void rebuild() {
        if (!active) {
            return;
        }
        stopScheduler();
        if (tasks.isEmpty() && oneTime.isEmpty()) {
            return;
        }
        List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void>> recurring = new ArrayList<>();
        for (RecurringTask t : tasks.values()) {
            recurring.add(Tasks.recurring(t.name(), FixedDelay.of(t.every()))
                    .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(config.retrySeconds()), 2.0))
                    .execute((instance, context) -> run(t)));
        }
        List<com.github.kagkarlsson.scheduler.task.helper.OneTimeTask<String>> once = new ArrayList<>();
        for (OneTimeTask t : oneTime.values()) {
            once.add(Tasks.oneTime(t.name(), String.class)
                    .onFailure(giveUpAfter(t, new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(config.retrySeconds()), 2.0)))
                    .execute((instance, context) -> runOnce(t, instance.getId(), instance.getData())));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(PlatformScheduler.class.getClassLoader());
        try {
            scheduler = Scheduler.create(ds, new ArrayList<com.github.kagkarlsson.scheduler.task.Task<?>>(once)).startTasks(recurring).tableName(TaskTable.NAME)
                    .pollingInterval(Duration.ofSeconds(Math.max(1, config.pollingSeconds()))).threads(Math.max(1, config.threads()))
                    .schedulerName(new SchedulerName.Fixed(node)).alwaysPersistTimestampInUTC()
                    .heartbeatInterval(Duration.ofSeconds(Math.max(1, config.heartbeatSeconds()))).missedHeartbeatsLimit(6)
                    .shutdownMaxWait(Duration.ofSeconds(10)).build();
            scheduler.start();
            LOG.info("platform scheduler on node {} runs {} and one-time {}", node, tasks.keySet(), oneTime.keySet());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void run(RecurringTask t) {
        try {
            t.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(t.name() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Retries with {@code retry} until the task's attempts are used up, then parks the instance at {@link TaskTable#GAVE_UP}
     * with its failures counted: it stays visible as FAILED (db-scheduler's own max-retries handler deletes it).
     */
    private static FailureHandler<String> giveUpAfter(OneTimeTask t, FailureHandler<String> retry) {
        int attempts = Math.max(1, t.maxAttempts());
        return (complete, ops) -> {
            if (complete.getExecution().consecutiveFailures + 1 >= attempts) {
                LOG.error("task {} / {} failed {} times; given up", t.name(), complete.getExecution().taskInstance.getId(), attempts);
                ops.reschedule(complete, TaskTable.GAVE_UP);
            } else {
                retry.onFailure(complete, ops);
            }
        };
    }

    private static void runOnce(OneTimeTask t, String instance, String data) {
        try {
            t.run(instance, data);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(t.name() + " failed: " + e.getMessage(), e);
        }
    }

    private void stopScheduler() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }
}
