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
    void aDuplicateWithAReplacedNameAndAPostcodeTypoIsStillReported() {
        // no phone, no e-mail: the given name was replaced, the postcode mistyped; the address and birth date remain
        PersonRecord stored = new PersonRecord("1", "Fatima", "Gonzalez", null, "481 Park Lane Suite 11", "Orlando", "32821", "FL",
                java.time.LocalDate.of(1986, 1, 3), List.of(), List.of());
        PersonRecord typed = new PersonRecord("new", "Maria", "Gonzalez", null, "481 Park Ln Ste 11", "Orlando", "32825", "FL",
                java.time.LocalDate.of(1986, 1, 3), List.of(), List.of());
        PersonRecord neighbour = new PersonRecord("2", "Maria", "Gonzalez", null, "18 Lake Dr", "Orlando", "32825", "FL",
                java.time.LocalDate.of(1990, 7, 21), List.of(), List.of());
        var keys = detector.matchKeys(typed);
        assertTrue(detector.matchKeys(stored).stream().anyMatch(keys::contains), "the two are compared (they share a key)");
        List<MatchResult> matches = detector.matches(typed, List.of(stored, neighbour));
        assertEquals(List.of("1"), matches.stream().map(MatchResult::rightId).toList(), "reported, and not the namesake down the road");
        assertTrue(matches.get(0).probability() >= 0.8, "at or above the review threshold: " + matches.get(0).probability());
    }

    @Test
    void aStoredContactsStreetNumberAndDeliveryLineAreBlockingKeys() {
        // as contacts store them: the number is part of the first address line
        var stored = detector.matchKeys(new PersonRecord("1", "Fatima", "Gonzalez", null, "481 Park Lane Suite 11", "Orlando", "32821",
                "FL", java.time.LocalDate.of(1986, 1, 3), List.of(), List.of()));
        assertTrue(stored.contains("dn:1986-01-03:481"), stored.toString());
        assertTrue(stored.contains("zn:32821:481"), stored.toString());
        assertTrue(stored.contains("al:481 PARK LN:FL"), stored.toString());
        var typed = detector.matchKeys(new PersonRecord("new", "Maria", "Gonzales", "481", "Park Ln Ste 11", "Orlnado", "32825", "FL",
                java.time.LocalDate.of(1987, 1, 3), List.of(), List.of()));
        assertTrue(typed.contains("al:481 PARK LN:FL"), "a replaced name, a misspelt family name and city, a postcode and a "
                + "birth-year typo together still share the delivery line: " + typed);
        var stateless = detector.matchKeys(new PersonRecord("x", "Ann", "Lee", null, "481 Park Lane Suite 11", "Orlando", "32821",
                null, null, List.of(), List.of()));
        assertTrue(stateless.contains("al:481 PARK LN:328"), "without a state the postcode's area: " + stateless);
        assertEquals(null, PersonNormalizer.leadingNumber("PO BOX 12"));
        // the batch search hashes the same keys without building them
        NormalizedPerson full = PersonNormalizer.defaults("US").normalize(new PersonRecord("h", "Fatima", "Gonzalez", "481",
                "Park Lane", "Apt 2", "Orlando", "32821", "FL", java.time.LocalDate.of(1986, 1, 3), List.of("407-555-0101"),
                List.of("f@example.com")));
        java.util.Set<Long> hashed = new java.util.HashSet<>();
        for (long h : BlockingKeys.hashes(full)) {
            hashed.add(h);
        }
        assertEquals(BlockingKeys.of(full).stream().map(BlockingKeys::hash40).collect(java.util.stream.Collectors.toSet()), hashed);
        // the unit is compared on its own: in the first line or the second, with any designator
        PersonNormalizer n = PersonNormalizer.defaults("US");
        NormalizedPerson inLine1 = n.normalize(new PersonRecord("a", "Ann", "Lee", null, "481 Park Lane Apt #4b", null, "Orlando",
                "32821", "FL", null, List.of(), List.of()));
        NormalizedPerson inLine2 = n.normalize(new PersonRecord("b", "Ann", "Lee", null, "481 Park Lane", "Unit 4B", "Orlando",
                "32821", "FL", null, List.of(), List.of()));
        NormalizedPerson hash = n.normalize(new PersonRecord("c", "Ann", "Lee", "481", "Park Ln # 4B", null, "Orlando",
                "32821", "FL", null, List.of(), List.of()));
        NormalizedPerson other = n.normalize(new PersonRecord("d", "Ann", "Lee", null, "481 Park Lane", "apt 14", "Orlando",
                "32821", "FL", null, List.of(), List.of()));
        NormalizedPerson named = n.normalize(new PersonRecord("e", "Ann", "Lee", "12", "Wattle Street", "Kurrajong Village", "Orlando",
                "32821", "FL", null, List.of(), List.of()));
        NormalizedPerson namedTypo = n.normalize(new PersonRecord("f", "Ann", "Lee", "12", "Wattle Street", "Kurajong Village", "Orlando",
                "32821", "FL", null, List.of(), List.of()));
        assertEquals("481 PARK LN", inLine1.deliveryLine());
        assertEquals("4b", inLine1.secondary().toLowerCase(java.util.Locale.ROOT));
        int unit = Field.SECONDARY.ordinal();
        int street = Field.ADDRESS.ordinal();
        assertEquals(0, PairComparator.compare(inLine1, inLine2)[street]);
        assertEquals(0, PairComparator.compare(inLine1, inLine2)[unit], inLine1 + " / " + inLine2);
        assertEquals(0, PairComparator.compare(inLine2, hash)[unit], inLine2 + " / " + hash);
        assertEquals(2, PairComparator.compare(inLine2, other)[unit], "another apartment of the building");
        assertEquals(1, PairComparator.compare(named, namedTypo)[unit], "a named second line, mistyped");
        assertEquals(Field.MISSING, PairComparator.compare(inLine1, named)[unit] == Field.MISSING ? Field.MISSING
                : PairComparator.compare(named, n.normalize(new PersonRecord("g", "Ann", "Lee", "12", "Wattle St", null, "Orlando",
                        "32821", "FL", null, List.of(), List.of())))[unit], "no unit on one side: missing, not a disagreement");
        assertEquals("12a", PersonNormalizer.leadingNumber("12A MAIN ST"));
    }

    @Test
    void refusesInconsistentThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new DuplicateDetectorImpl(PersonNormalizer.defaults("US"), 0.99, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new DuplicateDetectorImpl(PersonNormalizer.defaults("US"), 0, 0.9));
    }
}
