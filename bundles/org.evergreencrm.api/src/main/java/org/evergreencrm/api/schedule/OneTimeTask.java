package org.evergreencrm.api.schedule;

/**
 * A kind of task the platform scheduler runs once per scheduled instance ({@link TaskScheduler#schedule}), on one node
 * of the cluster, at or after its time. Register it as an OSGi service (whiteboard) on the nodes that can run it;
 * instances scheduled while no node offers it wait in the database. A run that throws is retried with exponential
 * backoff; after {@link #maxAttempts()} failures the instance stays in the table as failed (shown by
 * {@code crm:schedule-list} and {@code GET /api/v1/schedule/tasks}) instead of vanishing.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface OneTimeTask {
    /** Unique across the platform, e.g. {@code automation-step}. */
    String name();

    /** Runs before giving up; at least 1. */
    default int maxAttempts() {
        return 5;
    }

    /**
     * @param instance the instance id given to {@link TaskScheduler#schedule}
     * @param data     the data given with it (may be {@code null})
     */
    void run(String instance, String data) throws Exception;
}
