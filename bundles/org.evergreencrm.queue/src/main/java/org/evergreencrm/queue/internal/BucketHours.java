package org.evergreencrm.queue.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.evergreencrm.api.queue.ActiveHours;

/** A bucket's working hours, in the contact's local time: inside them in every zone the contact may be in. */
final class BucketHours {
    private BucketHours() {
    }

    static boolean open(ActiveHours h, List<ZoneId> zones, Instant at) {
        for (ZoneId z : zones) {
            ZonedDateTime local = at.atZone(z);
            if (!h.days().contains(local.getDayOfWeek()) || local.toLocalTime().isBefore(h.from())
                    || !local.toLocalTime().isBefore(h.to())) {
                return false;
            }
        }
        return true;
    }

    /** The next instant the bucket is open in every zone, searched over the next two weeks; {@code null} if never. */
    static Instant nextOpen(ActiveHours h, List<ZoneId> zones, Instant at) {
        Instant t = at;
        for (int round = 0; round < 60; round++) {
            boolean moved = false;
            for (ZoneId z : zones) {
                ZonedDateTime local = t.atZone(z);
                boolean dayOk = h.days().contains(local.getDayOfWeek());
                if (dayOk && !local.toLocalTime().isBefore(h.from()) && local.toLocalTime().isBefore(h.to())) {
                    continue;
                }
                LocalDate day = dayOk && local.toLocalTime().isBefore(h.from()) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
                while (!h.days().contains(day.getDayOfWeek())) {
                    day = day.plusDays(1);
                }
                t = day.atTime(h.from()).atZone(z).toInstant();
                moved = true;
            }
            if (!moved) {
                return t;
            }
        }
        return null;
    }
}
