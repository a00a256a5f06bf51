package org.evergreencrm.queue.internal;

import java.time.Duration;
import java.time.Instant;

import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.schedule.RecurringTask;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives claimed contacts whose lease ran out back to the queue, every {@code sweepSeconds}, as a platform scheduler
 * task (one node sweeps at a time).
 */
@Component(service = RecurringTask.class, configurationPid = "org.evergreencrm.queue",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class LeaseSweeper implements RecurringTask {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseSweeper.class);
    private final CallQueue queue;
    private final Duration every;

    @Activate
    public LeaseSweeper(@Reference CallQueue queue, QueueConfig config) {
        this.queue = queue;
        this.every = Duration.ofSeconds(Math.max(1, config.sweepSeconds()));
    }

    @Override
    public String name() {
        return "queue-lease-sweeper";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        int n = queue.expireLeases(Instant.now());
        if (n > 0) {
            LOG.info("{} claimed contacts returned to the queue: their lease ran out without an outcome", n);
        }
    }
}
