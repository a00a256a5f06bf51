package org.evergreencrm.dedup.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares two normalized people field by field into agreement levels (see {@link Field}); string similarity is
 * commons-text's Jaro-Winkler, phonetic equality commons-codec's Double Metaphone (computed by the normalizer).
 * Given and family names are also compared crosswise, so a swapped first/last name still agrees.
 */
public final class PairComparator {
    static final double CLOSE_NAME = 0.88;
    static final double CLOSE_TEXT = 0.90;
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    private PairComparator() {
    }

    /** One level index per {@link Field}, {@link Field#MISSING} where either side has no value. */
    public static int[] compare(NormalizedPerson a, NormalizedPerson b) {
        int[] levels = new int[Field.values().length];
        int given = given(a.given(), a.givenCanonical(), b.given(), b.givenCanonical(), a.givenCode(), b.givenCode());
        int family = name(a.family(), b.family(), a.familyCode(), b.familyCode());
        int swappedGiven = given(a.given(), a.givenCanonical(), b.family() == null ? null : firstWord(b.family()),
                b.familyAsGiven(), a.givenCode(), b.familyCode());
        int swappedFamily = name(a.family(), b.given(), a.familyCode(), b.givenCode());
        if (given != Field.MISSING && family != Field.MISSING && swappedGiven != Field.MISSING
                && swappedFamily != Field.MISSING && swappedGiven + swappedFamily < given + family) {
            given = swappedGiven;
            family = swappedFamily;
        }
        levels[Field.GIVEN_NAME.ordinal()] = given;
        levels[Field.FAMILY_NAME.ordinal()] = family;
        levels[Field.DATE_OF_BIRTH.ordinal()] = dob(a.dateOfBirth(), b.dateOfBirth());
        levels[Field.PHONE.ordinal()] = a.phones().isEmpty() || b.phones().isEmpty() ? Field.MISSING
                : Collections.disjoint(a.phones(), b.phones()) ? 1 : 0;
        levels[Field.EMAIL.ordinal()] = email(a.emails(), b.emails());
        levels[Field.ADDRESS.ordinal()] = address(a, b);
        levels[Field.SECONDARY.ordinal()] = secondary(a.secondary(), b.secondary());
        levels[Field.LOCATION.ordinal()] = location(a, b);
        return levels;
    }

    private static int given(String a, Set<String> aCanonical, String b, Set<String> bCanonical, String aCode, String bCode) {
        if (a == null || b == null) {
            return Field.MISSING;
        }
        if (a.equals(b) || !Collections.disjoint(aCanonical, bCanonical.isEmpty() ? Set.of(b) : bCanonical)) {
            return 0;
        }
        if (JW.apply(a, b) >= CLOSE_NAME || Objects.equals(aCode, bCode)
                || (a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)) {
            return 1;
        }
        return 2;
    }

    private static int name(String a, String b, String aCode, String bCode) {
        if (a == null || b == null) {
            return Field.MISSING;
        }
        if (a.equals(b) || a.replace(" ", "").equals(b.replace(" ", ""))) {
            return 0;
        }
        return JW.apply(a, b) >= CLOSE_NAME || Objects.equals(aCode, bCode) ? 1 : 2;
    }

    private static int dob(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Field.MISSING;
        }
        if (a.equals(b)) {
            return 0;
        }
        boolean transposed = a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue();
        int same = (a.getYear() == b.getYear() ? 1 : 0) + (a.getMonthValue() == b.getMonthValue() ? 1 : 0)
                + (a.getDayOfMonth() == b.getDayOfMonth() ? 1 : 0);
        return transposed || same == 2 ? 1 : 2;
    }

    private static int email(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Field.MISSING;
        }
        // no "close" level: addresses are built from names, so similar addresses of different people are common
        return Collections.disjoint(a, b) ? 1 : 0;
    }

    private static int address(NormalizedPerson a, NormalizedPerson b) {
        if (a.deliveryLine() == null || b.deliveryLine() == null) {
            return Field.MISSING;
        }
        if (a.deliveryLine().equals(b.deliveryLine())) {
            return 0;
        }
        double sim = JW.apply(a.deliveryLine(), b.deliveryLine());
        boolean sameNumber = a.streetNumber() != null && a.streetNumber().equals(b.streetNumber());
        return sim >= CLOSE_TEXT || (sameNumber && sim >= 0.8) ? 1 : 2;
    }

    /** Units: the same, a close named line ("KURRAJONG VLG" / "KURAJONG VLG"), else different (4 and 14 are not close). */
    private static int secondary(String a, String b) {
        if (a == null || b == null) {
            return Field.MISSING;
        }
        if (a.equals(b)) {
            return 0;
        }
        return Math.min(a.length(), b.length()) > 3 && JW.apply(a, b) >= CLOSE_TEXT ? 1 : 2;
    }

    private static int location(NormalizedPerson a, NormalizedPerson b) {
        if (a.postcode() != null && b.postcode() != null && a.postcode().equals(b.postcode())) {
            return 0;
        }
        if (a.city() != null && b.city() != null) {
            return a.city().equals(b.city()) || JW.apply(a.city(), b.city()) >= CLOSE_TEXT ? 1 : 2;
        }
        return a.postcode() == null || b.postcode() == null ? Field.MISSING : 2;
    }

    private static String firstWord(String s) {
        return s.split(" ")[0];
    }
}
