package org.evergreencrm.api.address;

import java.util.List;

/**
 * What the parser read from free-form input: the recipient or business line, the components (standardized), the
 * cross street of an intersection ({@code "MAIN ST & 1ST AVE"} has {@code crossStreet = "1ST AVE"}), and what it
 * could not place — never dropped, so a caller can show it.
 */
public record ParsedAddress(String addressee, AddressComponents components, String crossStreet, List<String> unparsed) {
    public ParsedAddress {
        unparsed = List.copyOf(unparsed);
    }

    /** The standardized first line: {@code "123 N MAIN ST APT 4"}, {@code "PO BOX 12"}, {@code "N MAIN ST & 1ST AVE"}. */
    public String deliveryLine() {
        return AddressLines.deliveryLine(components, crossStreet);
    }

    /** The standardized last line: {@code "SPRINGFIELD IL 62704-1234"}. */
    public String lastLine() {
        return AddressLines.lastLine(components);
    }
}
