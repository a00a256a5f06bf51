package org.evergreencrm.address.internal;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a ZIP lies when no ZIP data says more: its state from the first three digits ({@code zip3-states.txt}), and
 * the time zone of a state or of one of its counties ({@code us-states.txt}, {@code county-zones.txt}).
 */
final class PlaceZones {
    private static final PlaceZones INSTANCE = new PlaceZones();
    private final String[] stateByZip3 = new String[1000];
    private final Map<String, String> countyZones = new HashMap<>();

    private PlaceZones() {
        Pub28.lines("zip3-states.txt", line -> {
            String[] p = line.trim().split("\\s+");
            String[] range = p[0].split("-");
            for (int z = Integer.parseInt(range[0]); z <= Integer.parseInt(range[1]); z++) {
                stateByZip3[z] = p[1];
            }
        });
        Pub28.lines("county-zones.txt", line -> {
            String[] halves = line.split(":", 2);
            String[] head = halves[0].trim().split("\\s+");
            for (String county : halves[1].split("\\|")) {
                countyZones.put(key(head[0], county), head[1]);
            }
        });
    }

    static PlaceZones get() {
        return INSTANCE;
    }

    /** The state of a ZIP from its first three digits; {@code null} for a malformed or unassigned prefix. */
    String stateOfZip3(String zip) {
        if (zip == null || zip.length() < 3) {
            return null;
        }
        int z3 = 0;
        for (int i = 0; i < 3; i++) {
            char ch = zip.charAt(i);
            if (ch < '0' || ch > '9') {
                return null;
            }
            z3 = z3 * 10 + (ch - '0');
        }
        return stateByZip3[z3];
    }

    /** The zone of a county (as GeoNames names it), else the state's main zone; {@code null} when the state is unknown. */
    String zone(String state, String county) {
        if (state == null) {
            return null;
        }
        String code = state.toUpperCase(Locale.ROOT);
        if (county != null) {
            String z = countyZones.get(key(code, county));
            if (z != null) {
                return z;
            }
        }
        Pub28.State s = Pub28.get().state(code);
        return s == null ? null : s.zone();
    }

    /** The state's main zone as a {@code ZoneId}; {@code null} when unknown. */
    ZoneId stateZone(String state) {
        String z = zone(state, null);
        return z == null ? null : ZoneId.of(z);
    }

    private static String key(String state, String county) {
        return state + "|" + county.trim().toUpperCase(Locale.ROOT);
    }
}
