package org.evergreencrm.address.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.evergreencrm.api.address.ParsedAddress;
import org.evergreencrm.api.dedup.AddressNormalizer;
import org.osgi.service.component.annotations.Component;

/**
 * The USPS Publication 28 address normalizer for comparisons (duplicate detection): the delivery line as the
 * offline parser standardizes it (every C1 suffix and C2 unit, directionals, PO boxes, rural routes, units at the
 * end; any unit designator with a number as {@code #}, so "APT 4" and "#4" compare equal), ranked above the
 * basic fallback. Never verifies anything.
 */
@Component(service = AddressNormalizer.class, property = "service.ranking:Integer=100")
public final class UspsAddressNormalizer implements AddressNormalizer {
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-?[0-9]{4})?");
    private final UsAddressParser parser = new UsAddressParser();

    @Override
    public String deliveryLine(String streetNumber, String addressLine) {
        String joined = ((streetNumber == null ? "" : streetNumber.strip()) + " "
                + (addressLine == null ? "" : addressLine.strip())).strip();
        if (joined.isEmpty()) {
            return null;
        }
        ParsedAddress parsed = parser.parse(joined);
        // "APT 4", "UNIT 4" and "#4" name the same unit for comparison: any designator with a number becomes "#"
        ParsedAddress p = parsed;
        var c = parsed.components();
        if (c.secondaryDesignator() != null && c.secondaryNumber() != null) {
            p = new ParsedAddress(parsed.addressee(), new org.evergreencrm.api.address.AddressComponents(c.primaryNumber(),
                    c.streetPredirection(), c.streetName(), c.streetSuffix(), c.streetPostdirection(), "#",
                    c.secondaryNumber(), c.cityName(), c.stateAbbreviation(), c.zipcode(), c.plus4Code()),
                    parsed.crossStreet(), parsed.unparsed());
        }
        String line = p.deliveryLine();
        if (line == null) {
            // nothing read as a street (only a recipient or a city): the text as typed, upper-cased
            String upper = joined.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9#/ -]", " ").replaceAll("\\s+", " ").strip();
            return upper.isEmpty() ? null : upper;
        }
        // a city the parser read off the end of a lone street line belongs to the line for comparison
        return p.components().cityName() == null ? line : line + " " + p.components().cityName();
    }

    @Override
    public String postcode(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        String p = postcode.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        return ZIP.matcher(p).matches() ? p.substring(0, 5) : p;
    }
}
