package org.evergreencrm.api.queue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** When a bucket is worked, in the contact's local time (on top of the legal calling window): days and from–to. */
public record ActiveHours(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
}
