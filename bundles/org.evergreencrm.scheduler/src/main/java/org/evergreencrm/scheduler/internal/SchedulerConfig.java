package org.evergreencrm.scheduler.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Evergreen scheduler", description = "The platform scheduler (db-scheduler on the Evergreen database)")
public @interface SchedulerConfig {
    @AttributeDefinition(description = "Seconds between looks for due tasks")
    int pollingSeconds() default 1;

    @AttributeDefinition(description = "Threads running tasks on this node")
    int threads() default 4;

    @AttributeDefinition(description = "Seconds a failed run waits before its first retry (doubling each time)")
    int retrySeconds() default 10;

    @AttributeDefinition(description = "Seconds between the heartbeats of a running task; a task whose node missed six is run again elsewhere")
    int heartbeatSeconds() default 10;

    @AttributeDefinition(description = "This node's name in the scheduler's table (empty: the host name and a random suffix)")
    String nodeName() default "";
}
