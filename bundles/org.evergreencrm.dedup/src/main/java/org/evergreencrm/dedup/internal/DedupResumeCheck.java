package org.evergreencrm.dedup.internal;

import java.time.Duration;

import org.evergreencrm.api.schedule.RecurringTask;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * On the platform scheduler (one node at a time): a duplicate search left RUNNING by a node that stopped or died
 * (its heartbeat older than {@code resumeAfterSeconds}) is taken over and resumed here, with the model it had learned.
 */
@Component(service = RecurringTask.class)
public final class DedupResumeCheck implements RecurringTask {
    private final DedupJobService jobs;

    @Activate
    public DedupResumeCheck(@Reference DedupJobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return "dedup-resume-check";
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(Math.max(2, Math.min(30, jobs.staleSeconds() / 2)));
    }

    @Override
    public void run() {
        jobs.resumeIfInterrupted();
    }
}
