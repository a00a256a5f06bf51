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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
    /** The address bundle's ZIP directory when it runs: the one geocoder, asked first (issue #14). */
    private final java.util.function.Supplier<org.evergreencrm.api.address.ZipDirectory> directory;

    private ZipCentroids(Map<String, GeoPoint> byZip, String source) {
        this(byZip, source, () -> null);
    }

    private ZipCentroids(Map<String, GeoPoint> byZip, String source,
            java.util.function.Supplier<org.evergreencrm.api.address.ZipDirectory> directory) {
        this.byZip = byZip;
        this.source = source;
        this.directory = directory;
    }

    /** These centroids behind the ZIP directory: a ZIP the directory knows is placed by it, the others from the file. */
    public ZipCentroids withDirectory(java.util.function.Supplier<org.evergreencrm.api.address.ZipDirectory> d) {
        return new ZipCentroids(byZip, source, d);
    }

    /** The configured file's centroids, or none (logged) when no file is set or it cannot be read. */
    public static ZipCentroids configured(String file) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ZipCentroids.class);
        if (file == null || file.isBlank()) {
            return none();
        }
        try {
            ZipCentroids z = load(Path.of(file));
            log.info("{} ZIP centroids read from {} (GeoNames, CC BY 4.0)", z.size(), file);
            return z;
        } catch (Exception e) {
            log.warn("ZIP centroids not read from {}: {}; branch radii apply only to geocoded leads", file, e.toString());
            return none();
        }
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
            r.mark(64 * 1024);
            String first = r.readLine();
            if (first == null) {
                return new ZipCentroids(Map.of(), file.toString());
            }
            r.reset();
            boolean geonames = first.contains("\t");
            // GeoNames' US.txt: tab-separated, no header, no quoting (columns: country, postal code, place, state name,
            // state code, ..., latitude, longitude, accuracy); else a CSV naming zip, lat, lng (and state) in its header
            CSVFormat format = geonames ? CSVFormat.TDF.builder().setQuote(null).build()
                    : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).build();
            try (CSVParser csv = format.parse(r)) {
                int zipCol = geonames ? 1 : column(csv, "zip");
                int latCol = geonames ? 9 : column(csv, "lat");
                int lngCol = geonames ? 10 : column(csv, "lng");
                int stateCol = geonames ? 4 : csv.getHeaderMap().getOrDefault("state", -1);
                for (CSVRecord rec : csv) {
                    if (rec.size() <= Math.max(zipCol, Math.max(latCol, lngCol))) {
                        continue;
                    }
                    String zip = rec.get(zipCol).trim();
                    boolean state = stateCol >= 0 && stateCol < rec.size() && !rec.get(stateCol).isBlank();
                    if (zip.length() != 5 || out.containsKey(zip) && (hasState.get(zip) || !state)) {
                        continue; // a ZIP listed twice: keep the row that names a state
                    }
                    try {
                        out.put(zip, new GeoPoint(Double.parseDouble(rec.get(latCol)), Double.parseDouble(rec.get(lngCol)), "ZIP5",
                                "zip-centroid"));
                        hasState.put(zip, state);
                    } catch (IllegalArgumentException e) {
                        // a row without coordinates says nothing
                    }
                }
            }
        }
        return new ZipCentroids(Map.copyOf(out), file.toString());
    }

    private static int column(CSVParser csv, String name) {
        Integer i = csv.getHeaderMap().get(name);
        if (i == null) {
            throw new IllegalArgumentException("the ZIP centroid CSV has no \"" + name + "\" column");
        }
        return i;
    }

    /** The centroid of a ZIP ({@code 32801} or {@code 32801-1234}). */
    public Optional<GeoPoint> of(String zip) {
        if (zip == null || zip.length() < 5) {
            return Optional.empty();
        }
        org.evergreencrm.api.address.ZipDirectory d = directory.get();
        if (d != null) {
            Optional<org.evergreencrm.api.address.ZipPlace> place = d.zip(zip);
            if (place.isPresent()) {
                return Optional.of(new GeoPoint(place.get().latitude(), place.get().longitude(), "ZIP5", "zip-directory"));
            }
        }
        return Optional.ofNullable(byZip.get(zip.substring(0, 5)));
    }

    /** How many ZIPs can be placed: the directory's or the file's, whichever knows more. */
    public int size() {
        org.evergreencrm.api.address.ZipDirectory d = directory.get();
        return (int) Math.max(byZip.size(), d == null ? 0 : d.status().zips());
    }

    public String source() {
        return source;
    }
}
