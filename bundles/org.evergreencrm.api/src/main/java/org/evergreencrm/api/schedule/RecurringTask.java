package org.evergreencrm.api.schedule;

import java.time.Duration;

/**
 * A task the platform scheduler runs again and again, {@link #every()} after the previous run ended, on one node of
 * the cluster at a time (the scheduler's rows in the shared database decide which). Register it as an OSGi service
 * (whiteboard); unregistering it stops it. A run that throws is retried with exponential backoff and counted as a
 * failure in {@link TaskScheduler#tasks()} until a run succeeds.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface RecurringTask {
    /** Unique across the platform, e.g. {@code queue-lease-sweeper}. */
    String name();

    /** The delay between the end of one run and the start of the next. */
    Duration every();

    void run() throws Exception;
}
