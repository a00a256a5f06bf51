package org.evergreencrm.dedup.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Candidate keys: two records are compared only when they share one. Cheap to index in the database
 * (one row per key), and together they catch typos in any single field:
 * exact phone, exact email, phonetic family name + postcode, phonetic given name + postcode (family typos),
 * date of birth + initials, phonetic family + given name + city (moved within the town). Records without phones or
 * e-mails (person lists) need keys that survive a replaced name together with a typo elsewhere: date of birth +
 * street number, postcode + street number, the date of birth with day and month in either order + the family
 * initial (a day/month swap), and the whole delivery line with the state (or, without one, the postcode's first
 * three digits): a replaced name, a birth-date typo and a postcode typo together. The street number of a stored contact is the one
 * its first address line starts with ({@link PersonNormalizer}).
 */
public final class BlockingKeys {
    /**
     * The version of the keys below: raised whenever they change, so that the contacts stored with older keys are
     * re-keyed ({@link MatchKeyRefresh}). 1: issue #3's keys; 2: issue #13's (birth date, street number, delivery line
     * without its unit, street in the postcode).
     */
    public static final int VERSION = 2;
    private BlockingKeys() {
    }

    /** Told each key as its tag and up to three parts (the key is {@code tag:part:part:part}, absent parts left out). */
    interface Sink {
        void key(String tag, String a, String b, String c);
    }

    public static Set<String> of(NormalizedPerson p) {
        Set<String> keys = new LinkedHashSet<>();
        emit(p, (tag, a, b, c) -> {
            StringBuilder key = new StringBuilder(tag).append(':').append(a);
            if (b != null) {
                key.append(':').append(b);
            }
            if (c != null) {
                key.append(':').append(c);
            }
            keys.add(key.toString());
        });
        return keys;
    }

    /**
     * The same keys as {@link #of}, each as 40 bits of its 64-bit FNV-1a hash, computed without building the key
     * strings (the batch search hashes some fifteen million keys); a key repeated within the record may appear twice.
     */
    static long[] hashes(NormalizedPerson p) {
        long[] out = new long[16];
        int[] n = {0};
        long[][] holder = {out};
        emit(p, (tag, a, b, c) -> {
            long h = fnv(FNV_OFFSET, tag);
            h = fnv(fnv(h, ':'), a);
            if (b != null) {
                h = fnv(fnv(h, ':'), b);
            }
            if (c != null) {
                h = fnv(fnv(h, ':'), c);
            }
            if (n[0] == holder[0].length) {
                holder[0] = java.util.Arrays.copyOf(holder[0], n[0] * 2);
            }
            holder[0][n[0]++] = h >>> 24;
        });
        return java.util.Arrays.copyOf(holder[0], n[0]);
    }

    /** 40 bits of the 64-bit FNV-1a hash of a key string: the same value {@link #hashes} gives for it. */
    static long hash40(String key) {
        return fnv(FNV_OFFSET, key) >>> 24;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = fnv(h, s.charAt(i));
        }
        return h;
    }

    private static long fnv(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    private static void emit(NormalizedPerson p, Sink keys) {
        p.phones().forEach(phone -> keys.key("p", phone, null, null));
        p.emails().forEach(email -> keys.key("e", email, null, null));
        if (p.familyCode() != null && p.postcode() != null) {
            keys.key("fz", p.familyCode(), p.postcode(), null);
        }
        if (p.givenCode() != null && p.postcode() != null) {
            keys.key("gz", p.givenCode(), p.postcode(), null);
        }
        String dob = p.dateOfBirth() == null ? null : p.dateOfBirth().toString();
        if (dob != null) {
            keys.key("d", dob, initial(p.given()) + initial(p.family()), null);
            keys.key("d", dob, initial(p.family()) + initial(p.given()), null);
        }
        if (dob != null && p.streetNumber() != null) {
            keys.key("dn", dob, p.streetNumber(), null);
        }
        if (p.postcode() != null && p.streetNumber() != null) {
            keys.key("zn", p.postcode(), p.streetNumber(), null);
        }
        if (dob != null) {
            int d = p.dateOfBirth().getDayOfMonth();
            int m = p.dateOfBirth().getMonthValue();
            keys.key("dm", p.dateOfBirth().getYear() + "-" + Math.min(d, m) + "-" + Math.max(d, m), initial(p.family()), null);
        }
        if (p.deliveryLine() != null && p.streetNumber() != null) {
            // the whole delivery line survives a replaced name, a birth-date typo and a postcode typo together; in its
            // state, or without one in the postcode's first three digits (one key per record: blocking time counts)
            String area = p.state() != null ? p.state() : p.postcode() != null && p.postcode().length() >= 3 ? p.postcode().substring(0, 3) : null;
            if (area != null) {
                keys.key("al", p.deliveryLine(), area, null);
            }
        }
        if (p.deliveryLine() != null && p.streetNumber() != null && p.postcode() != null
                && p.deliveryLine().length() > p.streetNumber().length() + 1) {
            // the street without its number, in the postcode: a mistyped house number with other errors
            keys.key("sz", p.deliveryLine().substring(p.streetNumber().length() + 1), p.postcode(), null);
        }
        if (p.familyCode() != null && p.givenCode() != null && p.city() != null) {
            keys.key("fg", p.familyCode(), p.givenCode(), p.city());
            keys.key("fg", p.givenCode(), p.familyCode(), p.city());
        }
    }

    private static String initial(String name) {
        return name == null || name.isEmpty() ? "_" : name.substring(0, 1);
    }
}
