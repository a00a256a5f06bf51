package org.evergreencrm.leads.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.evergreencrm.api.ValidationException;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {
    @Test
    void spansDaysZonesAndOvernight() {
        WorkingHours h = WorkingHours.parse("Mon-Thu 08:00-17:00; Fri 8:00-12:00 America/Chicago");
        assertEquals("Mon,Tue,Wed,Thu 08:00-17:00; Fri 08:00-12:00 America/Chicago", h.toString());
        assertTrue(h.contains(Instant.parse("2026-12-01T14:00:00Z")), "Tuesday 08:00 in Chicago");
        assertFalse(h.contains(Instant.parse("2026-12-01T13:59:00Z")), "Tuesday 07:59 in Chicago");
        assertFalse(h.contains(Instant.parse("2026-12-04T18:00:00Z")), "Friday 12:00 in Chicago: the span ended");
        assertFalse(h.contains(Instant.parse("2026-12-05T16:00:00Z")), "Saturday");
        WorkingHours nights = WorkingHours.parse("Fri-Sat 22:00-02:00 America/New_York");
        assertTrue(nights.contains(Instant.parse("2026-12-06T06:30:00Z")), "Sunday 01:30 in New York: Saturday's night shift");
        assertFalse(nights.contains(Instant.parse("2026-12-07T06:30:00Z")), "Monday 01:30: Sunday has no shift");
        assertEquals(WorkingHours.parse(h.toString()).toString(), h.toString(), "the text reads back the same");
    }

    @Test
    void unreadableHoursSayWhatIsWrong() {
        assertEquals("workingHours", assertThrows(ValidationException.class, () -> WorkingHours.parse("weekdays")).errors().get(0).field());
        assertTrue(assertThrows(ValidationException.class, () -> WorkingHours.parse("Mon-Fri 08:00-17:00 Mars/Olympus")).getMessage()
                .contains("unknown time zone"));
        assertTrue(assertThrows(ValidationException.class, () -> WorkingHours.parse("Mon-Fry 08:00-17:00 UTC")).getMessage()
                .contains("not a day"));
        assertTrue(assertThrows(ValidationException.class, () -> WorkingHours.parse("Mon 8-17 UTC")).getMessage().contains("not a time"));
    }
}
