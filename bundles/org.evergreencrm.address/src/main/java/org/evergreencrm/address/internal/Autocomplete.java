package org.evergreencrm.address.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evergreencrm.api.address.AddressSuggestion;
import org.evergreencrm.api.address.ZipPlace;

/**
 * Suggestions for an address being typed, from the ZIP directory alone (no service, no cost): the street part as
 * typed is standardized, the place part ("springf", "Springfield, IL", "Springfield IL 627", "627") completes to
 * the directory's cities and ZIPs. A city with several ZIPs is offered once, without a ZIP, until digits narrow it.
 */
final class Autocomplete {
    private static final int WINDOW = 3;
    private final ZipData zips;
    private final UsAddressParser parser;

    Autocomplete(ZipData zips) {
        this.zips = zips;
        this.parser = new UsAddressParser(zips.placeNames());
    }

    List<AddressSuggestion> suggest(String partial, int max) {
        if (partial == null || partial.isBlank()) {
            return List.of();
        }
        String p = partial.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        int comma = p.lastIndexOf(',');
        if (comma >= 0) {
            String head = p.substring(0, comma).strip();
            String tail = p.substring(comma + 1).strip();
            // "SPRINGFIELD, IL 627": the city is before the comma, the state and ZIP after it
            if (tail.matches("[A-Z]{2}( \\d{0,5})?") && Pub28.get().state(tail.substring(0, 2)) != null
                    && !head.isEmpty()) {
                int c2 = head.lastIndexOf(',');
                String city = head.substring(c2 + 1).strip();
                return place(c2 < 0 ? "" : head.substring(0, c2), city + " " + tail, max);
            }
            return place(head, tail, max);
        }
        if (p.matches("\\d{1,5}")) {
            return place("", p, max);
        }
        // No comma: the last one to three words may be the start of the place ("123 MAIN ST SPRINGF").
        String[] words = p.split(" ");
        for (int n = Math.min(WINDOW, words.length - (Character.isDigit(p.charAt(0)) ? 1 : 0)); n >= 1; n--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length - n));
            if (tail.matches("\\d+")) {
                continue; // "... SUITE 2": a unit or house number, not the start of a ZIP (that needs a comma or a state)
            }
            List<AddressSuggestion> s = place(head, tail, max);
            if (!s.isEmpty()) {
                return s;
            }
        }
        return List.of();
    }

    /** Suggestions for the place part {@code tail}, each prefixed with the standardized street part {@code head}. */
    private List<AddressSuggestion> place(String head, String tail, int max) {
        String[] t = tail.isEmpty() ? new String[0] : tail.split(" ");
        int end = t.length;
        String zipPrefix = null;
        String state = null;
        if (end > 0 && t[end - 1].matches("\\d{1,5}")) {
            zipPrefix = t[--end];
        }
        if (end > 1 && t[end - 1].length() == 2 && Pub28.get().state(t[end - 1]) != null) {
            state = t[--end];
        }
        String city = String.join(" ", java.util.Arrays.copyOfRange(t, 0, end)).strip();
        if (zipPrefix == null && city.isEmpty()) {
            return List.of();
        }
        String street = head.isBlank() ? null : parser.parse(head).deliveryLine();
        List<AddressSuggestion> out = new ArrayList<>();
        if (zipPrefix != null) {
            for (ZipPlace z : zips.suggest(zipPrefix, state, 5_000)) {
                if (city.isEmpty() || z.city().startsWith(city)) {
                    out.add(suggestion(street, z.city(), z.state(), z.zip()));
                    if (out.size() >= max) {
                        break;
                    }
                }
            }
            return out;
        }
        Map<String, List<ZipPlace>> byCity = new LinkedHashMap<>();
        for (ZipPlace z : zips.suggest(city, state, 2_000)) {
            byCity.computeIfAbsent(z.city() + "|" + z.state(), k -> new ArrayList<>()).add(z);
            if (byCity.size() > max) {
                break;
            }
        }
        for (List<ZipPlace> places : byCity.values()) {
            if (out.size() >= max) {
                break;
            }
            ZipPlace z = places.get(0);
            out.add(suggestion(street, z.city(), z.state(), places.size() == 1 ? z.zip() : null));
        }
        return out;
    }

    private static AddressSuggestion suggestion(String street, String city, String state, String zip) {
        String last = city + " " + state + (zip == null ? "" : " " + zip);
        return new AddressSuggestion(street == null ? last : street + ", " + last, street, city, state, zip);
    }
}
