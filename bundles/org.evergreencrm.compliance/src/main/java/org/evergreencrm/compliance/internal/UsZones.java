package org.evergreencrm.compliance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Where a US address is: state from the ZIP's first three digits, time zones from the state (or, for ZIP3
 * prefixes of multi-zone states that lie in one zone, from the prefix). Data in {@code us-zones.properties}.
 */
final class UsZones {
    private final String[] stateByZip3 = new String[1000];
    private final List<?>[] zonesByZip3 = new List<?>[1000];
    private final java.util.Map<String, List<ZoneId>> zonesByState = new java.util.HashMap<>();
    /** The address bundle's ZIP directory when it runs: it knows a ZIP's county, so its one zone (issue #14). */
    private final java.util.function.Supplier<org.evergreencrm.api.address.ZipDirectory> directory;

    UsZones() {
        this(() -> null);
    }

    UsZones(java.util.function.Supplier<org.evergreencrm.api.address.ZipDirectory> directory) {
        this.directory = directory;
        Properties p = new Properties();
        try (InputStream in = UsZones.class.getResourceAsStream("us-zones.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.startsWith("state.")) {
                zonesByState.put(key.substring(6), zones(value));
            }
        }
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.startsWith("zip.") || key.startsWith("zone.")) {
                String[] range = key.substring(key.indexOf('.') + 1).split("-");
                for (int z = Integer.parseInt(range[0]); z <= Integer.parseInt(range[1]); z++) {
                    if (key.startsWith("zip.")) {
                        stateByZip3[z] = value;
                    } else {
                        zonesByZip3[z] = zones(value);
                    }
                }
            }
        }
    }

    private static List<ZoneId> zones(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(ZoneId::of).toList();
    }

    /** The state a ZIP belongs to, or {@code null} for an unknown or malformed ZIP. */
    String stateOfZip(String zip) {
        int z3 = zip3(zip);
        return z3 < 0 ? null : stateByZip3[z3];
    }

    boolean isState(String state) {
        return state != null && zonesByState.containsKey(state.toUpperCase(Locale.ROOT));
    }

    /**
     * The zones a person with this address may be in: from the ZIP3 when it lies in one zone, else every zone of
     * the state (the given state, or the ZIP's). Empty when nothing is known.
     */
    @SuppressWarnings("unchecked")
    List<ZoneId> zonesOf(String state, String zip) {
        org.evergreencrm.api.address.ZipDirectory dir = directory.get();
        if (dir != null && zip != null) {
            // the ZIP directory knows better than the ZIP3 table where it has the ZIP (and the state agrees)
            java.util.Optional<org.evergreencrm.api.address.ZipPlace> place = dir.zip(zip);
            if (place.isPresent() && place.get().timeZone() != null
                    && (state == null || !isState(state) || state.equalsIgnoreCase(place.get().state()))) {
                return List.of(ZoneId.of(place.get().timeZone()));
            }
        }
        int z3 = zip3(zip);
        String zipState = z3 < 0 ? null : stateByZip3[z3];
        String st = state != null && isState(state) ? state.toUpperCase(Locale.ROOT) : zipState;
        if (z3 >= 0 && zonesByZip3[z3] != null && (st == null || st.equals(zipState))) {
            return (List<ZoneId>) zonesByZip3[z3];
        }
        return st == null ? List.of() : zonesByState.getOrDefault(st, List.of());
    }

    /** Every zone of the 50 states and DC: the fallback when neither the address nor the number tells. */
    List<ZoneId> allStateZones() {
        return zonesByState.entrySet().stream().filter(e -> e.getKey().length() == 2 && !List.of("PR", "VI", "GU")
                .contains(e.getKey())).flatMap(e -> e.getValue().stream()).distinct().sorted(java.util.Comparator
                .comparing(ZoneId::getId)).toList();
    }

    private static int zip3(String zip) {
        if (zip == null) {
            return -1;
        }
        String digits = zip.trim();
        if (digits.length() < 5 || !Character.isDigit(digits.charAt(0)) || !Character.isDigit(digits.charAt(1))
                || !Character.isDigit(digits.charAt(2))) {
            return -1;
        }
        return Integer.parseInt(digits.substring(0, 3));
    }
}
