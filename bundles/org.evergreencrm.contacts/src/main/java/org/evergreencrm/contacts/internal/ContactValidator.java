package org.evergreencrm.contacts.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;

/**
 * Cleans a contact draft (trims, blank to null, defaults) and checks it field by field, reporting every
 * problem with its path ({@code phones[1].number}) so a form can mark each one.
 */
final class ContactValidator {
    static final int MAX_PHONES = 10;
    static final int MAX_EMAILS = 10;
    static final int MAX_TAGS = 50;
    static final int MAX_CUSTOM_FIELDS = 100;
    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9+()\\-. ]+((x|ext\\.?|extension)\\s*[0-9]{1,6})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.\\-]{0,63}");
    private static final Pattern FIELD_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern US_ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");

    /** The one rule for every way a person comes in: REST, shell, imports, lead intake. */
    static final String IDENTITY_RULE = "a person needs at least one identifying field: a name, a phone, an e-mail, "
            + "or an address with a date of birth";

    private ContactValidator() {
    }

    /**
     * Whether a person record says who it is: a first or last name, a phone, an e-mail, or a postal address together
     * with a date of birth (custom field {@code dateOfBirth}). Records from person lists often have no name but an
     * address and a birth date; they are people and can be matched, so they are taken.
     */
    static boolean identifiesAPerson(String first, String last, List<Phone> phones, List<Email> emails, PostalAddress address,
            Map<String, Object> custom) {
        boolean phone = phones != null && phones.stream().anyMatch(p -> p != null && p.number() != null && !p.number().isBlank());
        boolean email = emails != null && emails.stream().anyMatch(e -> e != null && e.address() != null && !e.address().isBlank());
        Object dob = custom == null ? null : custom.get(org.evergreencrm.api.dedup.PersonRecords.DATE_OF_BIRTH);
        boolean addressWithBirthDate = address != null && dob != null && !dob.toString().isBlank();
        return first != null || last != null || phone || email || addressWithBirthDate;
    }

    /** @return the cleaned draft; throws {@link ValidationException} listing every field at fault */
    static ContactDraft clean(ContactDraft d) {
        if (d == null) {
            throw new ValidationException("", "a contact is required");
        }
        List<FieldError> errors = new ArrayList<>();
        ContactKind kind = d.kind() == null ? ContactKind.PERSON : d.kind();
        String first = text(d.firstName(), "firstName", 100, errors);
        String last = text(d.lastName(), "lastName", 100, errors);
        String household = text(d.householdName(), "householdName", 200, errors);
        if (kind == ContactKind.HOUSEHOLD && household == null) {
            errors.add(new FieldError("householdName", "a household needs a name"));
        }
        List<Phone> phones = phones(d.phones(), errors);
        List<Email> emails = emails(d.emails(), errors);
        PostalAddress address = address(d.address(), errors);
        if (kind == ContactKind.PERSON && !identifiesAPerson(first, last, d.phones(), d.emails(), address, d.customFields())) {
            errors.add(new FieldError("lastName", IDENTITY_RULE));
        }
        if (phones.isEmpty() && emails.isEmpty() && address == null) {
            errors.add(new FieldError("phones", "a contact needs at least one phone, email or postal address"));
        }
        String source = text(d.source(), "source", 100, errors);
        Set<String> tags = tags(d.tags(), errors);
        Map<String, Object> custom = customFields(d.customFields(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ContactStatus status = d.status() == null ? ContactStatus.NEW : d.status();
        return new ContactDraft(kind, first, last, household, phones, emails, address, source, d.ownerId(), status,
                tags, custom);
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
        if (t.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return t;
    }

    private static List<Phone> phones(List<Phone> phones, List<FieldError> errors) {
        List<Phone> out = new ArrayList<>();
        if (phones == null) {
            return out;
        }
        if (phones.size() > MAX_PHONES) {
            errors.add(new FieldError("phones", "at most " + MAX_PHONES + " phone numbers"));
        }
        for (int i = 0; i < phones.size(); i++) {
            String path = "phones[" + i + "]";
            Phone p = phones.get(i);
            String number = p == null ? null : text(p.number(), path + ".number", 40, errors);
            if (number == null) {
                errors.add(new FieldError(path + ".number", "is required"));
                continue;
            }
            String main = number.split("(?i)x|ext")[0];
            long digits = main.chars().filter(Character::isDigit).count();
            if (!PHONE_CHARS.matcher(number).matches() || digits < 7 || digits > 15) {
                errors.add(new FieldError(path + ".number", "is not a phone number (7 to 15 digits, optional +, spaces, ( ) - . and an extension)"));
            }
            out.add(new Phone(number, p.type() == null ? Phone.PhoneType.MOBILE : p.type()));
        }
        return out;
    }

    private static List<Email> emails(List<Email> emails, List<FieldError> errors) {
        List<Email> out = new ArrayList<>();
        if (emails == null) {
            return out;
        }
        if (emails.size() > MAX_EMAILS) {
            errors.add(new FieldError("emails", "at most " + MAX_EMAILS + " email addresses"));
        }
        for (int i = 0; i < emails.size(); i++) {
            String path = "emails[" + i + "].address";
            Email e = emails.get(i);
            String address = e == null ? null : text(e.address(), path, 254, errors);
            if (address == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            if (!EMAIL.matcher(address).matches()) {
                errors.add(new FieldError(path, "is not an email address"));
            }
            out.add(new Email(address, e.type() == null ? Email.EmailType.PERSONAL : e.type()));
        }
        return out;
    }

    private static PostalAddress address(PostalAddress a, List<FieldError> errors) {
        if (a == null) {
            return null;
        }
        String line1 = text(a.line1(), "address.line1", 200, errors);
        String line2 = text(a.line2(), "address.line2", 200, errors);
        String city = text(a.city(), "address.city", 100, errors);
        String state = text(a.state(), "address.state", 100, errors);
        String zip = text(a.postalCode(), "address.postalCode", 20, errors);
        String country = text(a.country(), "address.country", 100, errors);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRY.matcher(country).matches()) {
                errors.add(new FieldError("address.country", "is an ISO 3166-1 alpha-2 code such as US"));
            }
        }
        if (zip != null && "US".equals(country) && !US_ZIP.matcher(zip).matches()) {
            errors.add(new FieldError("address.postalCode", "a US ZIP code is 5 digits, or ZIP+4 (12345-6789)"));
        }
        if (line1 == null && line2 == null && city == null && state == null && zip == null && country == null) {
            return null;
        }
        return new PostalAddress(line1, line2, city, state, zip, country);
    }

    private static Set<String> tags(Set<String> tags, List<FieldError> errors) {
        Set<String> out = new LinkedHashSet<>();
        if (tags == null) {
            return out;
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + MAX_TAGS + " tags"));
        }
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(t).matches()) {
                errors.add(new FieldError("tags", "'" + tag + "' is not a tag: 1 to 64 letters, digits, space, '_', '.' or '-'"));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static Map<String, Object> customFields(Map<String, Object> fields, List<FieldError> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (fields == null) {
            return out;
        }
        if (fields.size() > MAX_CUSTOM_FIELDS) {
            errors.add(new FieldError("customFields", "at most " + MAX_CUSTOM_FIELDS + " custom fields"));
        }
        fields.forEach((key, value) -> {
            if (key == null || !FIELD_KEY.matcher(key).matches()) {
                errors.add(new FieldError("customFields." + key, "a custom field name is a letter then up to 63 letters, digits or '_'"));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }
}
