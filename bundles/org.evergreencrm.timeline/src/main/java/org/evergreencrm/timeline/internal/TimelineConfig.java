package org.evergreencrm.timeline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Evergreen timeline", description = "The activity timeline, notes and tasks (docs/timeline.md)")
public @interface TimelineConfig {
    @AttributeDefinition(description = "Seconds between looks for tasks that fell due (the reminder task on the platform scheduler)")
    int reminderSeconds() default 15;
}
