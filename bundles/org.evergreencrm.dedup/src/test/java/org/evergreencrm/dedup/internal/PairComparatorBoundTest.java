package org.evergreencrm.dedup.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

/** The cheap bound never skips a pair that Jaro-Winkler would have found similar enough. */
class PairComparatorBoundTest {
    @Test
    void theBoundNeverSkipsASimilarPair() {
        JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
        Random random = new Random(5);
        String alphabet = "abcdeeilmnorst 0123";
        int skipped = 0;
        for (int i = 0; i < 200_000; i++) {
            String a = word(random, alphabet, 1 + random.nextInt(14));
            // half the time a near copy of a, else another word
            String b = random.nextBoolean() ? mutate(random, a, alphabet) : word(random, alphabet, 1 + random.nextInt(14));
            for (double t : new double[] {0.8, 0.88, 0.9}) {
                if (!PairComparator.mayReach(a, b, t)) {
                    skipped++;
                    double s = jw.apply(a, b);
                    assertTrue(s < t, a + " / " + b + " reaches " + s + " >= " + t);
                }
            }
        }
        assertTrue(skipped > 100_000, "the bound skips most different pairs: " + skipped);
    }

    private static String word(Random r, String alphabet, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String mutate(Random r, String a, String alphabet) {
        StringBuilder s = new StringBuilder(a);
        for (int k = 0; k < 1 + r.nextInt(3); k++) {
            int i = r.nextInt(s.length());
            switch (r.nextInt(3)) {
                case 0 -> s.setCharAt(i, alphabet.charAt(r.nextInt(alphabet.length())));
                case 1 -> s.insert(i, alphabet.charAt(r.nextInt(alphabet.length())));
                default -> {
                    if (s.length() > 1) {
                        s.deleteCharAt(i);
                    }
                }
            }
        }
        return s.toString();
    }
}
