package org.evergreencrm.dedup.internal;

import java.util.Locale;
import java.util.Map;

import org.evergreencrm.api.dedup.AddressNormalizer;

/**
 * The fallback address normalizer: upper case, punctuation removed, and the most common USPS Publication 28
 * street suffixes (C1), directionals and unit designators (C2) abbreviated. The address bundle replaces it with a
 * full implementation; this one never claims to have verified anything.
 */
public final class BasicAddressNormalizer implements AddressNormalizer {
    private static final java.util.regex.Pattern ZIP = java.util.regex.Pattern.compile("[0-9]{5}(-?[0-9]{4})?");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("STREET", "ST"), Map.entry("STR", "ST"), Map.entry("AVENUE", "AVE"), Map.entry("AV", "AVE"),
            Map.entry("AVEN", "AVE"), Map.entry("ROAD", "RD"), Map.entry("DRIVE", "DR"), Map.entry("DRV", "DR"),
            Map.entry("LANE", "LN"), Map.entry("COURT", "CT"), Map.entry("BOULEVARD", "BLVD"), Map.entry("BOUL", "BLVD"),
            Map.entry("PLACE", "PL"), Map.entry("TERRACE", "TER"), Map.entry("CIRCLE", "CIR"), Map.entry("HIGHWAY", "HWY"),
            Map.entry("PARKWAY", "PKWY"), Map.entry("TRAIL", "TRL"), Map.entry("SQUARE", "SQ"), Map.entry("CROSSING", "XING"),
            Map.entry("NORTH", "N"), Map.entry("SOUTH", "S"), Map.entry("EAST", "E"), Map.entry("WEST", "W"),
            Map.entry("NORTHEAST", "NE"), Map.entry("NORTHWEST", "NW"), Map.entry("SOUTHEAST", "SE"), Map.entry("SOUTHWEST", "SW"),
            Map.entry("APARTMENT", "APT"), Map.entry("SUITE", "STE"), Map.entry("UNIT", "UNIT"), Map.entry("BUILDING", "BLDG"),
            Map.entry("FLOOR", "FL"), Map.entry("ROOM", "RM"));

    @Override
    public String deliveryLine(String streetNumber, String addressLine) {
        String joined = ((streetNumber == null ? "" : streetNumber) + " " + (addressLine == null ? "" : addressLine)).strip();
        if (joined.isEmpty()) {
            return null;
        }
        String cleaned = NameNormalizer.clean(joined);
        if (cleaned == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String word : cleaned.toUpperCase(Locale.ROOT).split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(WORDS.getOrDefault(word, word));
        }
        return out.toString();
    }

    @Override
    public String postcode(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        String p = postcode.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (ZIP.matcher(p).matches()) {
            return p.substring(0, 5);
        }
        return p;
    }
}
