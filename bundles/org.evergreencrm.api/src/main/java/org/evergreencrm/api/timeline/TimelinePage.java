package org.evergreencrm.api.timeline;

import java.util.List;

/** A page of entries, newest first; {@code next} is the cursor for the older ones, {@code null} at the end. */
public record TimelinePage(List<Activity> items, String next) {
}
