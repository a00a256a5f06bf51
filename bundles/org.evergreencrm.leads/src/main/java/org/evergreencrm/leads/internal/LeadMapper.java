package org.evergreencrm.leads.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;

/**
 * A lead's fields to a contact draft. Names are matched loosely (case, spaces, {@code _} and {@code -} ignored) and
 * common aliases are understood ({@code zip}, {@code street}, {@code given_name}…). Fields it does not know are
 * kept as custom fields, so nothing a source sent is dropped.
 */
final class LeadMapper {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("firstname", "firstName"), Map.entry("givenname", "firstName"), Map.entry("first", "firstName"),
            Map.entry("lastname", "lastName"), Map.entry("surname", "lastName"), Map.entry("familyname", "lastName"),
            Map.entry("last", "lastName"), Map.entry("phone", "phone"), Map.entry("phonenumber", "phone"),
            Map.entry("mobile", "phone"), Map.entry("tel", "phone"), Map.entry("email", "email"),
            Map.entry("emailaddress", "email"), Map.entry("address", "address1"), Map.entry("address1", "address1"),
            Map.entry("street", "address1"), Map.entry("streetaddress", "address1"), Map.entry("city", "city"),
            Map.entry("state", "state"), Map.entry("zip", "postalCode"), Map.entry("zipcode", "postalCode"),
            Map.entry("postalcode", "postalCode"), Map.entry("postcode", "postalCode"));
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s_\\-]");
    /** Form plumbing, not lead data. */
    private static final Set<String> IGNORED = Set.of("submissionid", "redirect", "formkey", "referrercontactid", "referralid");

    private LeadMapper() {
    }

    static ContactDraft draft(Map<String, String> fields, String source, Long ownerId) {
        Map<String, String> known = new HashMap<>();
        Map<String, Object> custom = new HashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            String key = SEPARATORS.matcher(e.getKey().toLowerCase(Locale.ROOT)).replaceAll("");
            if (key.startsWith("_") || IGNORED.contains(key)) {
                continue;
            }
            String canonical = ALIASES.get(key);
            if (canonical != null) {
                known.putIfAbsent(canonical, e.getValue().trim());
            } else {
                custom.put(e.getKey().trim(), e.getValue().trim());
            }
        }
        List<FieldError> errors = new ArrayList<>();
        // a lead must be reachable: a phone or an e-mail, which also identifies the person (the contact rule asks no
        // name of a person who has one of them); the name is welcome, not required
        if (known.get("phone") == null && known.get("email") == null) {
            errors.add(new FieldError("phone", "a lead needs a phone number or an e-mail address"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        PostalAddress address = known.get("address1") == null && known.get("city") == null && known.get("postalCode") == null
                ? null : new PostalAddress(known.get("address1"), null, known.get("city"), known.get("state"),
                        known.get("postalCode"), "US");
        return new ContactDraft(ContactKind.PERSON, known.get("firstName"), known.get("lastName"), null,
                known.get("phone") == null ? List.of() : List.of(new Phone(known.get("phone"), Phone.PhoneType.MOBILE)),
                known.get("email") == null ? List.of() : List.of(new Email(known.get("email"), null)), address, source, ownerId,
                ContactStatus.NEW, Set.of("lead"), custom);
    }
}
