package org.evergreencrm.api.schedule;

import java.util.List;

/** The platform scheduler's view: every task with its next run, last result and failures. */
@org.osgi.annotation.versioning.ProviderType
public interface TaskScheduler {
    List<ScheduledTaskStatus> tasks();
}
