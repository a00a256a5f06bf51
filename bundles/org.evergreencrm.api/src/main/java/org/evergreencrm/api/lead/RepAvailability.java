package org.evergreencrm.api.lead;

import java.time.Instant;

/**
 * When a rep takes new leads: working hours in their own zone ({@code null}: always), leave from–until, and whether
 * they are available right now and why not.
 */
public record RepAvailability(long userId, String username, boolean active, String workingHours, Instant leaveFrom,
        Instant leaveUntil, String leaveNote, boolean availableNow, String why) {
}
