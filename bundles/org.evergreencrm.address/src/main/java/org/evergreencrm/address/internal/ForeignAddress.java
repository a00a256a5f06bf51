package org.evergreencrm.address.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells an address of another country from a US one before the US rules read it: the last line or comma-separated
 * part names a country (the JDK's ISO 3166 names in English plus common local and short forms), or the address ends
 * with a Canadian or British postcode and has no US ZIP. A country that is also a US state name (Georgia) is read as
 * the state.
 */
final class ForeignAddress {
    private static final Set<String> US = Set.of("US", "PR", "GU", "VI", "AS", "MP", "UM");
    private static final Map<String, String> COUNTRIES = countries();
    private static final Pattern CANADA = Pattern.compile("(?i).*\\b[A-Z]\\d[A-Z] ?\\d[A-Z]\\d\\s*$");
    private static final Pattern UK = Pattern.compile("(?i).*\\b[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}\\s*$");
    private static final Pattern US_ZIP = Pattern.compile(".*\\b\\d{5}(-\\d{4})?\\b.*");

    private ForeignAddress() {
    }

    private static Map<String, String> countries() {
        Map<String, String> m = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            if (!US.contains(code)) {
                String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
                m.put(fold(name), code);
                m.put(code, code);
            }
        }
        String[][] extra = {{"UK", "GB"}, {"U K", "GB"}, {"ENGLAND", "GB"}, {"SCOTLAND", "GB"}, {"WALES", "GB"},
            {"NORTHERN IRELAND", "GB"}, {"GREAT BRITAIN", "GB"}, {"BRITAIN", "GB"}, {"DEUTSCHLAND", "DE"},
            {"ESPANA", "ES"}, {"ITALIA", "IT"}, {"NEDERLAND", "NL"}, {"HOLLAND", "NL"}, {"THE NETHERLANDS", "NL"},
            {"BRASIL", "BR"}, {"SUISSE", "CH"}, {"SCHWEIZ", "CH"}, {"OSTERREICH", "AT"}, {"BELGIQUE", "BE"},
            {"POLSKA", "PL"}, {"SVERIGE", "SE"}, {"NORGE", "NO"}, {"DANMARK", "DK"}, {"SOUTH KOREA", "KR"},
            {"KOREA", "KR"}, {"RUSSIA", "RU"}, {"CZECH REPUBLIC", "CZ"}, {"UAE", "AE"}};
        for (String[] e : extra) {
            m.put(e[0], e[1]);
        }
        // Names that are also US states, or two-letter codes that are state codes, stay American.
        for (Pub28.State s : Pub28.get().states()) {
            m.remove(s.name());
            m.remove(s.code());
        }
        return m;
    }

    /** The ISO code of the country the lines end with, or {@code null} when they read as a US address. */
    static String country(String... lines) {
        String last = null;
        StringBuilder all = new StringBuilder();
        for (String line : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            all.append(line).append('\n');
            for (String part : line.split("[,\\n]")) {
                if (!part.isBlank()) {
                    last = part;
                }
            }
        }
        if (last == null) {
            return null;
        }
        String code = COUNTRIES.get(fold(last));
        if (code != null) {
            return code;
        }
        String text = all.toString().replace('\n', ' ').trim();
        if (US_ZIP.matcher(text).matches()) {
            return null;
        }
        if (CANADA.matcher(text).matches()) {
            return "CA";
        }
        if (UK.matcher(text).matches()) {
            return "GB";
        }
        return null;
    }

    /** Whether an ISO 3166 code (a structured address's country) is the US or a US territory; blank counts as US. */
    static boolean isUs(String iso) {
        return iso == null || iso.isBlank() || US.contains(iso.trim().toUpperCase(Locale.ROOT))
                || iso.trim().equalsIgnoreCase("USA");
    }

    private static String fold(String s) {
        String n = Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toUpperCase(Locale.ROOT).replaceAll("[.\\s]+", " ").replace("&", "AND").trim();
    }
}
