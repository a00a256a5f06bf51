package org.evergreencrm.api.lead;

import java.time.LocalDate;

/** How many leads one source delivered on one day (UTC). */
public record LeadDay(LocalDate day, String source, long leads) {
}
