package org.evergreencrm.dedup.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.evergreencrm.api.dedup.AddressNormalizer;
import org.evergreencrm.api.dedup.Normalized;
import org.evergreencrm.api.dedup.PersonRecord;

/** Turns a {@link PersonRecord} into a {@link NormalizedPerson}: phones E.164, canonical emails, clean names, phonetic codes. */
public final class PersonNormalizer {
    private final PhoneNormalizer phones;
    private final EmailNormalizer emails;
    private final NameNormalizer names;
    private final AddressNormalizer addresses;
    private final DoubleMetaphone metaphone = new DoubleMetaphone();

    public PersonNormalizer(PhoneNormalizer phones, EmailNormalizer emails, NameNormalizer names, AddressNormalizer addresses) {
        this.phones = phones;
        this.emails = emails;
        this.names = names;
        this.addresses = addresses;
    }

    public static PersonNormalizer defaults(String region) {
        return defaults(region, new BasicAddressNormalizer());
    }

    static PersonNormalizer defaults(String region, AddressNormalizer addresses) {
        return new PersonNormalizer(new PhoneNormalizer(region), EmailNormalizer.defaults(),
                NameNormalizer.withBuiltInNicknames(), addresses);
    }

    public NormalizedPerson normalize(PersonRecord r) {
        String given = names.given(r.givenName());
        String family = names.family(r.familyName());
        Set<String> phoneSet = new LinkedHashSet<>();
        for (String p : r.phones()) {
            phones.e164(p).map(PhoneNormalizer::withoutExtension).ifPresent(phoneSet::add);
        }
        Set<String> emailSet = new LinkedHashSet<>();
        for (String e : r.emails()) {
            String c = emails.canonical(e);
            if (c != null) {
                emailSet.add(c);
            }
        }
        String[] line = splitUnit(addresses.deliveryLine(r.streetNumber(), unitSign(r.addressLine())));
        String secondary = r.addressLine2() == null || r.addressLine2().isBlank() ? line[1]
                : unitOf(addresses.deliveryLine(null, unitSign(r.addressLine2())));
        // a stored contact's number is part of its first address line: take it from the delivery line then
        String number = r.streetNumber() != null ? NameNormalizer.clean(r.streetNumber()) : leadingNumber(line[0]);
        return new NormalizedPerson(r.id(), given, names.canonicalGiven(given),
                names.canonicalGiven(family == null ? null : family.split(" ")[0]), family, code(family == null ? null : family.replace(" ", "")),
                code(given), line[0], secondary, number,
                NameNormalizer.clean(r.city()), addresses.postcode(r.postcode()),
                r.state() == null || r.state().isBlank() ? null : r.state().strip().toUpperCase(Locale.ROOT),
                r.dateOfBirth(), phoneSet, emailSet);
    }

    /**
     * The values stored beside a contact's raw ones: each phone in E.164 (with its extension; {@code null} when it
     * cannot be read), each e-mail canonical, cleaned names, the standardized delivery line and postcode.
     */
    public Normalized stored(PersonRecord r) {
        List<String> phoneList = new ArrayList<>();
        for (String p : r.phones()) {
            phoneList.add(phones.e164(p).orElse(null));
        }
        List<String> emailList = new ArrayList<>();
        for (String e : r.emails()) {
            emailList.add(emails.canonical(e));
        }
        return new Normalized(phoneList, emailList, names.given(r.givenName()), names.family(r.familyName()),
                addresses.deliveryLine(r.streetNumber(), r.addressLine()), addresses.postcode(r.postcode()));
    }

    /**
     * Unit designators (USPS Publication 28, C2) that are followed by the unit's number, as the normalizers write them
     * ({@code #}: the USPS normalizer writes every designator with a number so, for comparison).
     */
    private static final Set<String> UNIT_WORDS = Set.of("APT", "UNIT", "STE", "SUITE", "FL", "RM", "BLDG", "FLAT", "LOT",
            "SPC", "TRLR", "DEPT", "PIER", "SLIP", "HNGR", "NUMBER", "NO", "#");

    /** "#" is a unit designator the normalizers' punctuation cleaning would drop: spell it out first. */
    static String unitSign(String line) {
        return line == null || line.indexOf('#') < 0 ? line : line.replace("#", " UNIT ");
    }

    /**
     * A standardized first line split into the street part and the unit ({@code "12 OAK ST APT 4B"} → {@code "12 OAK
     * ST"}, {@code "4B"}): at the first designator after the street's first two words that something follows.
     */
    static String[] splitUnit(String deliveryLine) {
        if (deliveryLine == null) {
            return new String[] {null, null};
        }
        String[] words = deliveryLine.split(" ");
        for (int i = 2; i < words.length - 1; i++) {
            if (UNIT_WORDS.contains(words[i].toUpperCase(Locale.ROOT))) {
                return new String[] {String.join(" ", java.util.Arrays.copyOfRange(words, 0, i)),
                    unitOf(String.join(" ", java.util.Arrays.copyOfRange(words, i + 1, words.length)))};
            }
        }
        return new String[] {deliveryLine, null};
    }

    /** A second line without its designator words ("APT 4" → "4"); a named line ("KURRAJONG VLG") as it is. */
    static String unitOf(String secondLine) {
        if (secondLine == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String w : secondLine.split(" ")) {
            if (!UNIT_WORDS.contains(w.toUpperCase(Locale.ROOT))) {
                out.append(out.length() == 0 ? "" : " ").append(w);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** The house number a delivery line starts with ({@code 12}, {@code 12A} as {@code 12a}), or {@code null}. */
    static String leadingNumber(String deliveryLine) {
        if (deliveryLine == null) {
            return null;
        }
        int n = deliveryLine.length();
        int i = 0;
        while (i < n && Character.isDigit(deliveryLine.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        if (i < n && Character.isLetter(deliveryLine.charAt(i)) && (i + 1 == n || deliveryLine.charAt(i + 1) == ' ')) {
            i++; // 12A
        }
        if (i < n && deliveryLine.charAt(i) != ' ') {
            return null; // 12-14, 1/2: not a plain house number
        }
        return deliveryLine.substring(0, i).toLowerCase(Locale.ROOT);
    }

    private String code(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        String c = metaphone.doubleMetaphone(name);
        return c == null || c.isEmpty() ? name : c;
    }
}
