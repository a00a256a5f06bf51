package org.evergreencrm.address.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import org.evergreencrm.api.address.ZipPlace;

/**
 * Reads GeoNames postal data (tab-separated: country, postal code, place, admin1 name, admin1 code, admin2 name,
 * admin2 code, admin3 name, admin3 code, latitude, longitude, accuracy). US rows name the state in admin1 and the
 * county in admin2; rows of the territories' own files (PR, GU, VI, AS, MP) name the municipality in admin1. A row
 * that cannot be stored is refused with its line number and why; a ZIP given twice keeps the row that names a state.
 */
final class GeoNamesReader {
    private static final Set<String> TERRITORIES = Set.of("PR", "GU", "VI", "AS", "MP", "MH", "FM", "PW");
    private static final int MAX_REFUSALS_KEPT = 200;

    record Result(List<ZipPlace> places, long rowsRead, long refused, List<String> refusals) {
    }

    private final Map<String, ZipPlace> places = new LinkedHashMap<>();
    private final Map<String, Long> lineOf = new java.util.HashMap<>();
    private final List<String> refusals = new ArrayList<>();
    private long rows;
    private long refused;

    Result read(BufferedReader in, LongConsumer progress) throws IOException {
        long line = 0;
        for (String s = in.readLine(); s != null; s = in.readLine()) {
            line++;
            if (s.isBlank()) {
                continue;
            }
            rows++;
            String why = row(line, s.split("\t", -1));
            if (why != null) {
                refuse(line, why);
            }
            if (rows % 1000 == 0) {
                progress.accept(rows);
            }
        }
        progress.accept(rows);
        return new Result(List.copyOf(places.values()), rows, refused, List.copyOf(refusals));
    }

    private String row(long line, String[] f) {
        if (f.length < 11) {
            return "expected 12 tab-separated GeoNames columns, found " + f.length;
        }
        String country = f[0].trim();
        String state;
        String county;
        String countyCode;
        if (country.equals("US")) {
            state = f[4].trim();
            county = f[5].trim();
            countyCode = f[6].trim();
        } else if (TERRITORIES.contains(country)) {
            state = country;
            county = f[3].trim();
            countyCode = f[4].trim();
        } else {
            return "country " + country + " is not the US or a US territory";
        }
        String zip = f[1].trim();
        if (!zip.matches("\\d{5}")) {
            return "postal code \"" + zip + "\" is not a 5-digit ZIP";
        }
        if (state.isEmpty()) {
            boolean military = f[2].trim().matches("(?i)(APO|FPO|DPO)\\b.*");
            return "ZIP " + zip + " (" + f[2].trim() + ") has no state"
                    + (military ? ": a military APO/FPO/DPO ZIP has no place to geocode" : "");
        }
        Pub28.State st = Pub28.get().state(state);
        if (st == null) {
            return "unknown state code \"" + state + "\"";
        }
        double lat;
        double lng;
        try {
            lat = Double.parseDouble(f[9].trim());
            lng = Double.parseDouble(f[10].trim());
        } catch (NumberFormatException e) {
            return "latitude/longitude \"" + f[9] + "\", \"" + f[10] + "\" are not numbers";
        }
        if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
            return "latitude/longitude out of range";
        }
        String fips = st.fips() != null && countyCode.matches("\\d{3}") ? st.fips() + countyCode : null;
        ZipPlace place = new ZipPlace(zip, f[2].trim().toUpperCase(java.util.Locale.ROOT), state,
                county.isEmpty() ? null : county, fips, lat, lng, PlaceZones.get().zone(state, county.isEmpty() ? null : county));
        ZipPlace before = places.get(zip);
        if (before != null) {
            return "ZIP " + zip + " repeats line " + lineOf.get(zip) + "; the first row is kept";
        }
        places.put(zip, place);
        lineOf.put(zip, line);
        return null;
    }

    private void refuse(long line, String why) {
        refused++;
        if (refusals.size() < MAX_REFUSALS_KEPT) {
            refusals.add("line " + line + ": " + why);
        }
    }
}
