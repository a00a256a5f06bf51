package org.evergreencrm.dedup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.evergreencrm.api.dedup.PersonRecord;

/**
 * Labelled synthetic people for measuring duplicate detection: originals plus duplicates carrying the errors real
 * lead data has — typos, transposed letters, swapped first/last names, missing values, nicknames, other phone
 * formats, e-mail case, moved addresses, day/month swaps. Seeded, so a run is reproducible.
 */
public final class SyntheticPeople {
    /** The records, and the true duplicate pairs as "idA,idB" with idA < idB in creation order. */
    public record Dataset(List<PersonRecord> records, List<String[]> truePairs) {
    }

    static final String[] GIVEN = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
        "Linda", "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
        "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Margaret", "Matthew", "Lisa", "Anthony", "Betty", "Mark",
        "Dorothy", "Donald", "Sandra", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Donna", "Joshua", "Emily",
        "Kenneth", "Michelle", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Edward", "Deborah", "Ronald",
        "Stephanie", "Timothy", "Rebecca", "Jason", "Laura", "Jeffrey", "Helen", "Ryan", "Sharon", "Jacob", "Cynthia",
        "Gary", "Kathleen", "Nicholas", "Amy", "Eric", "Shirley", "Stephen", "Angela", "Jonathan", "Anna", "Larry",
        "Ruth", "Justin", "Brenda", "Scott", "Pamela", "Brandon", "Nicole", "Frank", "Katherine", "Benjamin", "Virginia",
        "Gregory", "Catherine", "Samuel", "Christine", "Raymond", "Samantha", "Patrick", "Debra", "Alexander", "Janet",
        "Jack", "Rachel", "Dennis", "Carolyn", "Jerry", "Emma", "José", "María", "Luis", "Carmen", "Wei", "Mei", "Ahmed",
        "Fatima", "Olga", "Ivan", "Aisha", "Kwame", "Priya", "Raj", "Sofia", "Mateo", "Chloe", "Liam", "Noah", "Zoe"};
    static final String[] FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
        "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
        "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart",
        "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey",
        "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood",
        "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel",
        "Myers", "Long", "Ross", "Foster", "Jimenez", "O'Brien", "McDonald", "Van der Berg", "Kowalski", "Schmidt",
        "Müller", "Nakamura", "Okafor", "Haddad", "Ivanova", "Chen", "Singh", "Dubois", "Rossi", "Silva", "Novak"};
    private static final String[][] NICKNAMES = {{"Robert", "Bob"}, {"William", "Bill"}, {"Elizabeth", "Liz"},
        {"Richard", "Rick"}, {"Michael", "Mike"}, {"James", "Jim"}, {"Margaret", "Peggy"}, {"Thomas", "Tom"},
        {"Joseph", "Joe"}, {"Katherine", "Kate"}, {"Christopher", "Chris"}, {"Daniel", "Dan"}, {"Patricia", "Pat"},
        {"Jennifer", "Jen"}, {"Anthony", "Tony"}, {"Samuel", "Sam"}, {"Nicholas", "Nick"}, {"Rebecca", "Becky"},
        {"Edward", "Ted"}, {"Benjamin", "Ben"}, {"Matthew", "Matt"}, {"Jonathan", "Jon"}, {"Stephen", "Steve"}};
    static final String[] STREETS = {"Oak", "Maple", "Cedar", "Pine", "Elm", "Sunset", "Palm", "Lakeview",
        "Magnolia", "Hillcrest", "Washington", "Lincoln", "Park", "River", "Church", "Highland", "Meadow", "Forest",
        "Willow", "Spring", "Mill", "Jefferson", "Franklin", "Madison", "Cherry", "Walnut", "Chestnut", "Sycamore"};
    static final String[][] SUFFIXES = {{"Street", "St"}, {"Avenue", "Ave"}, {"Road", "Rd"}, {"Drive", "Dr"},
        {"Lane", "Ln"}, {"Court", "Ct"}, {"Boulevard", "Blvd"}, {"Place", "Pl"}};
    static final String[][] PLACES = {{"Tampa", "FL", "336", "813"}, {"Orlando", "FL", "328", "407"},
        {"Miami", "FL", "331", "305"}, {"Phoenix", "AZ", "850", "602"}, {"Tucson", "AZ", "857", "520"},
        {"Austin", "TX", "787", "512"}, {"Houston", "TX", "770", "713"}, {"Dallas", "TX", "752", "214"},
        {"Tulsa", "OK", "741", "918"}, {"Las Vegas", "NV", "891", "702"}, {"Sacramento", "CA", "958", "916"},
        {"San Diego", "CA", "921", "619"}, {"Denver", "CO", "802", "303"}, {"Atlanta", "GA", "303", "404"},
        {"Charlotte", "NC", "282", "704"}, {"Raleigh", "NC", "276", "919"}, {"Nashville", "TN", "372", "615"}};
    private static final String[] DOMAINS = {"gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "comcast.net"};

    private final Random random;

    public SyntheticPeople(long seed) {
        this.random = new Random(seed);
    }

    /** {@code originals} people, each with 0–3 duplicates (about {@code duplicateShare} of them get at least one). */
    public Dataset generate(int originals, double duplicateShare) {
        List<PersonRecord> records = new ArrayList<>();
        List<String[]> truth = new ArrayList<>();
        int next = 1;
        for (int i = 0; i < originals; i++) {
            PersonRecord original = original("r" + next++);
            records.add(original);
            List<PersonRecord> family = new ArrayList<>(List.of(original));
            if (random.nextDouble() < duplicateShare) {
                int copies = 1 + (random.nextDouble() < 0.25 ? 1 + random.nextInt(2) : 0);
                for (int c = 0; c < copies; c++) {
                    PersonRecord dup = corrupt(original, "r" + next++);
                    records.add(dup);
                    for (PersonRecord other : family) {
                        truth.add(new String[] {other.id(), dup.id()});
                    }
                    family.add(dup);
                }
            }
        }
        return new Dataset(records, truth);
    }

    private PersonRecord original(String id) {
        String[] place = pick(PLACES);
        String given = pick(GIVEN);
        String family = pick(FAMILY);
        String number = Integer.toString(1 + random.nextInt(9999));
        String[] suffix = pick(SUFFIXES);
        String street = pick(STREETS) + " " + suffix[0];
        String zip = place[2] + String.format(Locale.ROOT, "%02d", random.nextInt(100));
        String phone = "(" + place[3] + ") " + (200 + random.nextInt(800)) + "-" + String.format(Locale.ROOT, "%04d", random.nextInt(10000));
        String email = NameNormalizer.clean(given).replace(" ", "") + "." + NameNormalizer.clean(family).replace(" ", "")
                + random.nextInt(1000) + "@" + pick(DOMAINS);
        LocalDate dob = LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return new PersonRecord(id, given, family, number, street, place[0], zip, place[1], dob, List.of(phone), List.of(email));
    }

    private PersonRecord corrupt(PersonRecord o, String id) {
        String given = o.givenName();
        String family = o.familyName();
        String number = o.streetNumber();
        String street = o.addressLine();
        String city = o.city();
        String zip = o.postcode();
        String state = o.state();
        LocalDate dob = o.dateOfBirth();
        List<String> phones = o.phones();
        List<String> emails = o.emails();
        int errors = 1 + random.nextInt(4);
        for (int e = 0; e < errors; e++) {
            switch (random.nextInt(13)) {
                case 11 -> phones = List.of("(" + phones.stream().findFirst().orElse("(555").substring(1, 4) + ") "
                        + (200 + random.nextInt(800)) + "-" + String.format(Locale.ROOT, "%04d", random.nextInt(10000)));
                case 12 -> emails = List.of(NameNormalizer.clean(o.givenName()).replace(" ", "") + random.nextInt(100) + "@" + pick(DOMAINS));
                case 0 -> given = typo(given);
                case 1 -> family = typo(family);
                case 2 -> given = nickname(given);
                case 3 -> { String t = given; given = family; family = t; }
                case 4 -> phones = phones.isEmpty() ? phones : List.of(reformat(phones.get(0)));
                case 5 -> emails = emails.isEmpty() ? emails : List.of(emails.get(0).toUpperCase(Locale.ROOT));
                case 6 -> { // moved: new street and ZIP in the same metro, phone and e-mail kept
                    number = Integer.toString(1 + random.nextInt(9999));
                    street = pick(STREETS) + " " + pick(SUFFIXES)[0];
                    zip = zip.substring(0, 3) + String.format(Locale.ROOT, "%02d", random.nextInt(100));
                }
                case 7 -> street = abbreviate(street);
                case 8 -> { // a missing value
                    switch (random.nextInt(4)) {
                        case 0 -> dob = null;
                        case 1 -> emails = List.of();
                        case 2 -> phones = List.of();
                        default -> { number = null; street = null; }
                    }
                }
                case 9 -> dob = dob == null || dob.getDayOfMonth() > 12 ? dob : LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
                default -> family = transpose(family);
            }
        }
        return new PersonRecord(id, given, family, number, street, city, zip, state, dob, phones, emails);
    }

    private String typo(String s) {
        if (s == null || s.length() < 3) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 1);
        char c = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(3)) {
            case 0 -> s.substring(0, i) + c + s.substring(i + 1);
            case 1 -> s.substring(0, i) + c + s.substring(i);
            default -> s.substring(0, i) + s.substring(i + 1);
        };
    }

    private String transpose(String s) {
        if (s == null || s.length() < 4) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 2);
        return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }

    private String nickname(String given) {
        for (String[] n : NICKNAMES) {
            if (n[0].equals(given)) {
                return n[1];
            }
        }
        return given;
    }

    private String reformat(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return switch (random.nextInt(3)) {
            case 0 -> "+1 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
            case 1 -> digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
            default -> "1" + digits;
        };
    }

    private static String abbreviate(String street) {
        if (street == null) {
            return null;
        }
        for (String[] s : SUFFIXES) {
            if (street.endsWith(" " + s[0])) {
                return street.substring(0, street.length() - s[0].length()) + s[1] + ".";
            }
        }
        return street;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
