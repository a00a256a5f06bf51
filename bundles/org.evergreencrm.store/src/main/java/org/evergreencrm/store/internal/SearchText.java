package org.evergreencrm.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;

/**
 * The denormalized, lower-cased text a contact is found by: names, emails, phone digits, street, city, postcode.
 * Search terms are reduced the same way, so "(555) 010-2030" finds "+1 555 010 2030".
 */
public final class SearchText {
    static final int MAX_LENGTH = 4000;

    private SearchText() {
    }

    public static String of(ContactDraft d) {
        StringJoiner text = new StringJoiner(" ");
        add(text, d.firstName());
        add(text, d.lastName());
        add(text, d.householdName());
        if (d.emails() != null) {
            for (Email e : d.emails()) {
                add(text, e.address());
            }
        }
        if (d.phones() != null) {
            for (Phone p : d.phones()) {
                add(text, digits(p.number()));
            }
        }
        PostalAddress a = d.address();
        if (a != null) {
            add(text, a.line1());
            add(text, a.city());
            add(text, a.postalCode());
        }
        String result = text.toString().toLowerCase(Locale.ROOT);
        return result.length() > MAX_LENGTH ? result.substring(0, MAX_LENGTH) : result;
    }

    /** LIKE patterns (with {@code \} as escape) that must all match, one per search word. */
    public static List<String> patterns(String query) {
        return org.evergreencrm.store.jdbc.SearchPatterns.of(query);
    }

    static String digits(String s) {
        return org.evergreencrm.store.jdbc.SearchPatterns.digits(s);
    }

    private static void add(StringJoiner text, String value) {
        if (value != null && !value.isBlank()) {
            text.add(value.trim());
        }
    }
}
