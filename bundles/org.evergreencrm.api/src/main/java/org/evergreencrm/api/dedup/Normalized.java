package org.evergreencrm.api.dedup;

import java.util.List;

/**
 * A contact's values as duplicate detection sees them, stored beside the raw values: phones in E.164 (in the order
 * of the contact's phones, {@code null} where a number could not be read), canonical e-mails, cleaned names
 * (the given name as written, not its nickname expansion), the standardized delivery line and postcode.
 */
public record Normalized(List<String> phones, List<String> emails, String givenName, String familyName,
        String deliveryLine, String postcode) {
    public static final Normalized NONE = new Normalized(List.of(), List.of(), null, null, null, null);

    public Normalized {
        phones = phones == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(phones));
        emails = emails == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(emails));
    }
}
