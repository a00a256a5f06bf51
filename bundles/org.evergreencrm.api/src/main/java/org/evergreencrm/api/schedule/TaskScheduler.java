package org.evergreencrm.api.schedule;

import java.time.Instant;
import java.util.List;

/** The platform scheduler: every task with its next run, last result and failures; one-time tasks scheduled here. */
@org.osgi.annotation.versioning.ProviderType
public interface TaskScheduler {
    List<ScheduledTaskStatus> tasks();

    /**
     * Schedules one run of the {@link OneTimeTask} named {@code task} at {@code at} (or as soon as possible after it),
     * unless an instance with this id is already scheduled. Durable: it survives restarts and runs on one node.
     *
     * @return {@code true} when scheduled, {@code false} when that instance was already there
     */
    boolean schedule(String task, String instance, Instant at, String data);

    /** This node's name in the scheduler's table ({@code picked_by}): says which node of a cluster ran what. */
    String node();

    /** Removes a scheduled instance that has not run; {@code false} when there was none. */
    boolean cancel(String task, String instance);
}
