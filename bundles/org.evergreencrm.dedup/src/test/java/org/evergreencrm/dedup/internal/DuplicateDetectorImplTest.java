package org.evergreencrm.dedup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.evergreencrm.api.dedup.MatchResult;
import org.evergreencrm.api.dedup.PersonRecord;
import org.junit.jupiter.api.Test;

class DuplicateDetectorImplTest {
    private final DuplicateDetectorImpl detector = new DuplicateDetectorImpl(PersonNormalizer.defaults("US"), 0.8, 0.98);

    private static PersonRecord person(String id, String given, String family, String phone, String street, String zip) {
        return new PersonRecord(id, given, family, null, street, "Tampa", zip, "FL", null,
                phone == null ? List.of() : List.of(phone), List.of());
    }

    @Test
    void reportsOnlyLikelyMatchesBestFirst() {
        PersonRecord incoming = person("new", "Bob", "Smith", "+1 813 555 0101", "12 Oak St.", "33602");
        List<MatchResult> matches = detector.matches(incoming, List.of(
                person("1", "Robert", "Smith", "(813) 555-0101", "12 Oak Street", "33602"),
                person("2", "Robert", "Smith", "(813) 555-0999", "98 Elm Street", "33602"),
                person("3", "Alice", "Jones", "(813) 555-0777", "1 Pine Road", "33610")));
        assertEquals(List.of("1"), matches.stream().map(MatchResult::rightId).toList());
        assertTrue(matches.get(0).probability() >= detector.autoMergeThreshold());
        assertEquals("phone", matches.get(0).fields().get(3).field());
    }

    @Test
    void sharesKeysWithItsDuplicates() {
        var a = detector.matchKeys(person("a", "Robert", "Smith", "(813) 555-0101", "12 Oak Street", "33602"));
        var b = detector.matchKeys(person("b", "Bob", "Smith", "813.555.0101", null, null));
        assertTrue(a.stream().anyMatch(b::contains), a + " / " + b);
    }

    @Test
    void refusesInconsistentThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new DuplicateDetectorImpl(PersonNormalizer.defaults("US"), 0.99, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new DuplicateDetectorImpl(PersonNormalizer.defaults("US"), 0, 0.9));
    }
}
