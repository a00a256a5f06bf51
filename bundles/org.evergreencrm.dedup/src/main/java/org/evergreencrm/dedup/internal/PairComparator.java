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
        if (given != Field.MISSING && family != Field.MISSING && given + family > 0) {
            // swapped first and last names: worth a look only when the names do not already agree
            int swappedFamily = name(a.family(), b.given(), a.familyCode(), b.givenCode());
            if (swappedFamily != Field.MISSING && swappedFamily < given + family) {
                int swappedGiven = given(a.given(), a.givenCanonical(), b.family() == null ? null : firstWord(b.family()),
                        b.familyAsGiven(), a.givenCode(), b.familyCode());
                if (swappedGiven != Field.MISSING && swappedGiven + swappedFamily < given + family) {
                    given = swappedGiven;
                    family = swappedFamily;
                }
            }
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
        // the cheap tests first: Jaro-Winkler is the costly part of comparing a million pairs
        if (Objects.equals(aCode, bCode) || (a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)
                || similar(a, b, CLOSE_NAME)) {
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
        return Objects.equals(aCode, bCode) || similar(a, b, CLOSE_NAME) ? 1 : 2;
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
        boolean sameNumber = a.streetNumber() != null && a.streetNumber().equals(b.streetNumber());
        double lowest = sameNumber ? 0.8 : CLOSE_TEXT;
        if (!mayReach(a.deliveryLine(), b.deliveryLine(), lowest)) {
            return 2;
        }
        double sim = JW.apply(a.deliveryLine(), b.deliveryLine());
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
        return Math.min(a.length(), b.length()) > 3 && similar(a, b, CLOSE_TEXT) ? 1 : 2;
    }

    private static int location(NormalizedPerson a, NormalizedPerson b) {
        if (a.postcode() != null && b.postcode() != null && a.postcode().equals(b.postcode())) {
            return 0;
        }
        if (a.city() != null && b.city() != null) {
            return a.city().equals(b.city()) || similar(a.city(), b.city(), CLOSE_TEXT) ? 1 : 2;
        }
        return a.postcode() == null || b.postcode() == null ? Field.MISSING : 2;
    }

    /** Jaro-Winkler similarity at least {@code threshold}, skipping the computation where it cannot be reached. */
    static boolean similar(String a, String b, double threshold) {
        return mayReach(a, b, threshold) && JW.apply(a, b) >= threshold;
    }

    /**
     * Whether the Jaro-Winkler similarity of two strings can reach {@code threshold}, from their lengths and the
     * characters they have in common — a cheap necessary condition, so most different strings never get to the
     * costlier matching. Jaro j = (m/|a| + m/|b| + (m-t)/m) / 3 with m matched characters (at most the common ones);
     * Winkler's boost adds at most 4 · 0.1 · (1 - j); so reaching T needs j ≥ (T - 0.4) / 0.6 and hence
     * m · (1/|a| + 1/|b|) ≥ 3j - 1.
     */
    static boolean mayReach(String a, String b, double threshold) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return true;
        }
        double jaro = (threshold - 0.4) / 0.6;
        double need = (3 * jaro - 1) * la * lb / (la + lb);
        if (need <= 0) {
            return true;
        }
        if (lb > 64) {
            return true; // beyond what one bit mask covers: no bound, compute
        }
        // the characters a and b have in common (as multisets), without allocating: b's used positions in a bit mask
        long used = 0;
        int common = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            for (int j = 0; j < lb; j++) {
                if ((used & (1L << j)) == 0 && b.charAt(j) == c) {
                    used |= 1L << j;
                    common++;
                    break;
                }
            }
        }
        return common + 1e-9 >= need; // (0.88 - 0.4) / 0.6 is not exactly 0.8 in floating point
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }
}
