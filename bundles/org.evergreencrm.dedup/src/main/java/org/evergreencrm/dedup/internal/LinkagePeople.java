package org.evergreencrm.dedup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.evergreencrm.api.dedup.PersonRecord;

/**
 * A second labelled generator, in the style of the classic record-linkage generators (FEBL, GeCo): person records
 * with <b>no phone and no e-mail</b> — names, street number, two address lines, city, postcode, state and date of birth —
 * and up to five duplicates per person, some made from other duplicates, each with errors of its own: keyboard and
 * OCR typos, phonetic respellings, inserted, dropped and transposed letters, swapped names, a replaced given name,
 * missing values, date-of-birth slips, a unit moved into the first address line or mistyped. Names and places are
 * drawn as unevenly as they occur (a few common ones, many rare). Seeded, so a run is reproducible. Today's generator ({@link SyntheticPeople})
 * gives nearly everyone a phone or an e-mail; this one measures what the matcher does without them.
 */
public final class LinkagePeople {
    private static final String[] KEYBOARD = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final String[][] OCR = {{"m", "rn"}, {"rn", "m"}, {"l", "1"}, {"o", "0"}, {"s", "5"}, {"b", "6"},
        {"g", "9"}, {"i", "l"}, {"cl", "d"}, {"u", "v"}, {"e", "c"}};
    private static final String[][] PHONETIC = {{"ph", "f"}, {"f", "ph"}, {"ck", "k"}, {"c", "k"}, {"k", "c"}, {"ee", "ea"},
        {"ie", "y"}, {"y", "ie"}, {"z", "s"}, {"s", "z"}, {"th", "t"}, {"mm", "m"}, {"ll", "l"}, {"tt", "t"}, {"ou", "ow"},
        {"ai", "ay"}, {"sch", "sh"}, {"ch", "sh"}, {"v", "w"}, {"w", "v"}};
    private static final String[] UNITS = {"Apt", "Unit", "#", "Suite", "Flat"};

    private final Random random;

    public LinkagePeople(long seed) {
        this.random = new Random(seed);
    }

    /** {@code originals} people; about {@code duplicateShare} of them get 1–5 duplicates (fewer more often). */
    public SyntheticPeople.Dataset generate(int originals, double duplicateShare) {
        List<PersonRecord> records = new ArrayList<>();
        List<String[]> truth = new ArrayList<>();
        int next = 1;
        for (int i = 0; i < originals; i++) {
            PersonRecord original = original("p" + next++);
            records.add(original);
            List<PersonRecord> family = new ArrayList<>(List.of(original));
            if (random.nextDouble() < duplicateShare) {
                int copies = 1 + (int) Math.min(4, Math.floor(-Math.log(1 - random.nextDouble()) * 1.2));
                for (int c = 0; c < copies; c++) {
                    // mostly from the original, sometimes from a duplicate (errors add up)
                    PersonRecord from = family.size() > 1 && random.nextDouble() < 0.3 ? family.get(1 + random.nextInt(family.size() - 1)) : original;
                    PersonRecord dup = corrupt(from, "p" + next++);
                    records.add(dup);
                    for (PersonRecord other : family) {
                        truth.add(new String[] {other.id(), dup.id()});
                    }
                    family.add(dup);
                }
            }
        }
        return new SyntheticPeople.Dataset(records, truth);
    }

    private PersonRecord original(String id) {
        String[] place = skewed(SyntheticPeople.PLACES);
        String number = Integer.toString(1 + random.nextInt(random.nextDouble() < 0.7 ? 999 : 19999));
        String street = pick(SyntheticPeople.STREETS) + " " + pick(SyntheticPeople.SUFFIXES)[0];
        String line2 = random.nextDouble() < 0.2 ? pick(UNITS) + " " + (1 + random.nextInt(40)) : null;
        String zip = place[2] + String.format(Locale.ROOT, "%02d", random.nextInt(100));
        LocalDate dob = random.nextDouble() < 0.9 ? LocalDate.of(1935 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
        return new PersonRecord(id, skewed(SyntheticPeople.GIVEN), skewed(SyntheticPeople.FAMILY), number, street, line2,
                place[0], zip, place[1], dob, List.of(), List.of());
    }

    private PersonRecord corrupt(PersonRecord o, String id) {
        String given = o.givenName();
        String family = o.familyName();
        String number = o.streetNumber();
        String street = o.addressLine();
        String line2 = o.addressLine2();
        String city = o.city();
        String zip = o.postcode();
        String state = o.state();
        LocalDate dob = o.dateOfBirth();
        int errors = 1 + (random.nextDouble() < 0.4 ? 1 + random.nextInt(2) : 0);
        for (int e = 0; e < errors; e++) {
            switch (random.nextInt(16)) {
                case 0, 1 -> given = edit(given);
                case 2, 3 -> family = edit(family);
                case 4 -> street = edit(street);
                case 5 -> city = edit(city);
                case 6 -> { String t = given; given = family; family = t; }
                case 7 -> given = skewed(SyntheticPeople.GIVEN); // a replaced name (a nickname, a middle name, a mistake)
                case 8 -> zip = digitSlip(zip);
                case 9 -> number = digitSlip(number);
                case 10 -> dob = dobSlip(dob);
                case 11 -> { // a missing value
                    switch (random.nextInt(7)) {
                        case 0 -> given = null;
                        case 5 -> line2 = null;
                        case 1 -> dob = null;
                        case 2 -> { number = null; street = null; }
                        case 3 -> zip = null;
                        case 4 -> city = null;
                        default -> family = null;
                    }
                }
                case 12 -> family = phonetic(family);
                case 13 -> given = phonetic(given);
                case 14 -> { // the unit written at the end of the first line
                    if (line2 != null && street != null) {
                        street = street + " " + line2;
                        line2 = null;
                    }
                }
                default -> line2 = line2 == null ? null : edit(line2);
            }
        }
        return new PersonRecord(id, given, family, number, street, line2, city, zip, state, dob, List.of(), List.of());
    }

    /** One typo of the kinds keyboards, scanners and hurried people make. */
    private String edit(String s) {
        if (s == null || s.length() < 3) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 1);
        return switch (random.nextInt(5)) {
            case 0 -> s.substring(0, i) + neighbour(s.charAt(i)) + s.substring(i + 1); // keyboard
            case 1 -> s.substring(0, i) + s.charAt(i) + s.substring(i); // doubled letter
            case 2 -> s.substring(0, i) + s.substring(i + 1); // dropped letter
            case 3 -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s; // transposed
            default -> replaceOne(s, OCR); // OCR
        };
    }

    private String phonetic(String s) {
        return s == null ? null : replaceOne(s, PHONETIC);
    }

    private String replaceOne(String s, String[][] rules) {
        List<String[]> applicable = new ArrayList<>();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String[] r : rules) {
            if (lower.indexOf(r[0], 1) > 0) {
                applicable.add(r);
            }
        }
        if (applicable.isEmpty()) {
            return s;
        }
        String[] r = applicable.get(random.nextInt(applicable.size()));
        int at = lower.indexOf(r[0], 1);
        return s.substring(0, at) + r[1] + s.substring(at + r[0].length());
    }

    private char neighbour(char c) {
        char lower = Character.toLowerCase(c);
        for (String row : KEYBOARD) {
            int k = row.indexOf(lower);
            if (k >= 0) {
                int n = k == 0 ? 1 : k == row.length() - 1 ? k - 1 : k + (random.nextBoolean() ? 1 : -1);
                return Character.isUpperCase(c) ? Character.toUpperCase(row.charAt(n)) : row.charAt(n);
            }
        }
        return c;
    }

    private String digitSlip(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        int i = random.nextInt(s.length());
        if (random.nextBoolean() && i + 1 < s.length()) {
            return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
        }
        return s.substring(0, i) + (char) ('0' + random.nextInt(10)) + s.substring(i + 1);
    }

    private LocalDate dobSlip(LocalDate d) {
        if (d == null) {
            return null;
        }
        return switch (random.nextInt(3)) {
            case 0 -> d.getDayOfMonth() <= 12 ? LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()) : d.plusDays(1);
            case 1 -> d.withYear(d.getYear() + (random.nextBoolean() ? 1 : -1));
            default -> d.withDayOfMonth(Math.max(1, Math.min(28, d.getDayOfMonth() / 10 * 10 + random.nextInt(10)))); // a day digit
        };
    }

    /**
     * Names and places as common as they are in life: the lists run from the most common, and value k is drawn with
     * weight 1/k (Zipf), so a few names and towns are shared by many people who are not the same person.
     */
    private <T> T skewed(T[] values) {
        double total = 0;
        for (int k = 1; k <= values.length; k++) {
            total += 1.0 / k;
        }
        double x = random.nextDouble() * total;
        for (int k = 1; k <= values.length; k++) {
            x -= 1.0 / k;
            if (x <= 0) {
                return values[k - 1];
            }
        }
        return values[values.length - 1];
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
