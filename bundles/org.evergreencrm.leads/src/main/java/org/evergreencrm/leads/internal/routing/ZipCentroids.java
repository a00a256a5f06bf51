package org.evergreencrm.leads.internal.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.evergreencrm.api.lead.GeoPoint;

/**
 * ZIP code centroids for leads no geocoder placed: the radius of a branch needs a point. Read from a file the admin
 * provides ({@code zipCentroidsFile}), either GeoNames' US postal code dump ({@code US.txt}, tab-separated, may be
 * gzipped) or a CSV with a header naming {@code zip}, {@code lat} and {@code lng} columns. GeoNames data is
 * CC BY 4.0: attribute it where its points are shown. A centroid is a ZIP5-precision guess, and says so.
 */
public final class ZipCentroids {
    private final Map<String, GeoPoint> byZip;
    private final String source;

    private ZipCentroids(Map<String, GeoPoint> byZip, String source) {
        this.byZip = byZip;
        this.source = source;
    }

    public static ZipCentroids none() {
        return new ZipCentroids(Map.of(), "none");
    }

    public static ZipCentroids load(Path file) throws IOException {
        Map<String, GeoPoint> out = new HashMap<>();
        Map<String, Boolean> hasState = new HashMap<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = r.readLine();
            if (first == null) {
                return new ZipCentroids(Map.of(), file.toString());
            }
            boolean csv = !first.contains("\t");
            int zipCol = 1;
            int latCol = 9;
            int lngCol = 10;
            int stateCol = 4;
            String line = first;
            String split = "\t";
            if (csv) {
                split = ",";
                String[] header = first.toLowerCase(java.util.Locale.ROOT).split(",");
                zipCol = index(header, "zip");
                latCol = index(header, "lat");
                lngCol = index(header, "lng");
                stateCol = index(header, "state");
                line = r.readLine();
            }
            for (; line != null; line = r.readLine()) {
                String[] f = line.split(split, -1);
                if (f.length <= Math.max(zipCol, Math.max(latCol, lngCol))) {
                    continue;
                }
                String zip = f[zipCol].trim();
                boolean state = stateCol >= 0 && stateCol < f.length && !f[stateCol].isBlank();
                if (zip.length() != 5 || out.containsKey(zip) && (hasState.get(zip) || !state)) {
                    continue; // a ZIP listed twice: keep the row that names a state
                }
                try {
                    out.put(zip, new GeoPoint(Double.parseDouble(f[latCol]), Double.parseDouble(f[lngCol]), "ZIP5", "zip-centroid"));
                    hasState.put(zip, state);
                } catch (IllegalArgumentException e) {
                    // a row without coordinates says nothing
                }
            }
        }
        return new ZipCentroids(Map.copyOf(out), file.toString());
    }

    private static int index(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals(name)) {
                return i;
            }
        }
        if (name.equals("state")) {
            return -1;
        }
        throw new IllegalArgumentException("the ZIP centroid CSV has no \"" + name + "\" column");
    }

    /** The centroid of a ZIP ({@code 32801} or {@code 32801-1234}). */
    public Optional<GeoPoint> of(String zip) {
        if (zip == null || zip.length() < 5) {
            return Optional.empty();
        }
        return Optional.ofNullable(byZip.get(zip.substring(0, 5)));
    }

    public int size() {
        return byZip.size();
    }

    public String source() {
        return source;
    }
}
