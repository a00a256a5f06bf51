package org.evergreencrm.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BusinessDaysTest {
    @Test
    void skipsWeekendsAndFederalHolidays() {
        // Wed 2026-11-25 + 10 business days: Thanksgiving (26th) and two weekends are skipped -> Thu 2026-12-10.
        assertEquals(LocalDate.of(2026, 12, 10), BusinessDays.plus(LocalDate.of(2026, 11, 25), 10));
        assertFalse(BusinessDays.isBusinessDay(LocalDate.of(2026, 7, 3)), "July 4th 2026 is a Saturday, observed Friday");
        assertFalse(BusinessDays.isBusinessDay(LocalDate.of(2027, 12, 31)), "New Year 2028 is a Saturday, observed Friday");
        assertFalse(BusinessDays.isBusinessDay(LocalDate.of(2026, 1, 19)), "MLK day");
        assertEquals(LocalDate.of(2026, 11, 30), BusinessDays.plus(LocalDate.of(2026, 11, 24), 3));
    }

    @Test
    void revocationsAreHonouredByTheEndOfTheTenthBusinessDay() {
        assertEquals(Instant.parse("2026-12-11T04:59:59Z"), ComplianceServiceImpl.honorBy(Instant.parse("2026-11-25T15:00:00Z")));
    }
}
