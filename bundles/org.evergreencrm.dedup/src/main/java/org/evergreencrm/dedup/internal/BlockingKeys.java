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
    private BlockingKeys() {
    }

    public static Set<String> of(NormalizedPerson p) {
        Set<String> keys = new LinkedHashSet<>();
        p.phones().forEach(phone -> keys.add("p:" + phone));
        p.emails().forEach(email -> keys.add("e:" + email));
        if (p.familyCode() != null && p.postcode() != null) {
            keys.add("fz:" + p.familyCode() + ":" + p.postcode());
        }
        if (p.givenCode() != null && p.postcode() != null) {
            keys.add("gz:" + p.givenCode() + ":" + p.postcode());
        }
        if (p.dateOfBirth() != null) {
            keys.add("d:" + p.dateOfBirth() + ":" + initial(p.given()) + initial(p.family()));
            keys.add("d:" + p.dateOfBirth() + ":" + initial(p.family()) + initial(p.given()));
        }
        if (p.dateOfBirth() != null && p.streetNumber() != null) {
            keys.add("dn:" + p.dateOfBirth() + ":" + p.streetNumber());
        }
        if (p.postcode() != null && p.streetNumber() != null) {
            keys.add("zn:" + p.postcode() + ":" + p.streetNumber());
        }
        if (p.dateOfBirth() != null) {
            int d = p.dateOfBirth().getDayOfMonth();
            int m = p.dateOfBirth().getMonthValue();
            keys.add("dm:" + p.dateOfBirth().getYear() + "-" + Math.min(d, m) + "-" + Math.max(d, m) + ":" + initial(p.family()));
        }
        if (p.deliveryLine() != null && p.streetNumber() != null) {
            // the whole delivery line survives a replaced name, a birth-date typo and a postcode typo together; in its
            // state, or without one in the postcode's first three digits (one key per record: blocking time counts)
            String area = p.state() != null ? p.state() : p.postcode() != null && p.postcode().length() >= 3 ? p.postcode().substring(0, 3) : null;
            if (area != null) {
                keys.add("al:" + p.deliveryLine() + ":" + area);
            }
        }
        if (p.familyCode() != null && p.givenCode() != null && p.city() != null) {
            keys.add("fg:" + p.familyCode() + ":" + p.givenCode() + ":" + p.city());
            keys.add("fg:" + p.givenCode() + ":" + p.familyCode() + ":" + p.city());
        }
        return keys;
    }

    private static String initial(String name) {
        return name == null || name.isEmpty() ? "_" : name.substring(0, 1);
    }
}
