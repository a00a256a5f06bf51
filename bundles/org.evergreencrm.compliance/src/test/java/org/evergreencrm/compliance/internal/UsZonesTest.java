package org.evergreencrm.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class UsZonesTest {
    private final UsZones zones = new UsZones();

    @Test
    void knownPlaces() {
        assertEquals("FL", zones.stateOfZip("33602"));
        assertEquals(List.of(ZoneId.of("America/New_York")), zones.zonesOf("FL", "33602"));
        assertEquals(List.of(ZoneId.of("America/Chicago")), zones.zonesOf(null, "32501"), "Pensacola is Central");
        assertEquals(List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago")), zones.zonesOf("FL", null));
        assertEquals(List.of(ZoneId.of("America/Phoenix")), zones.zonesOf(null, "85001"));
        assertEquals(List.of(ZoneId.of("America/Denver")), zones.zonesOf(null, "79901"), "El Paso is Mountain");
        assertEquals(List.of(), zones.zonesOf(null, "abc"));
        assertEquals("OK", zones.stateOfZip("73101"));
        assertEquals("TX", zones.stateOfZip("73301"));
        assertTrue(zones.allStateZones().contains(ZoneId.of("Pacific/Honolulu")));
    }

    /** The ZIP3 → state table against every ZIP in the GeoNames centroids (../shared/data), when present. */
    @Test
    void theZipDirectoryKnowsBetterWhereItHasTheZip() {
        // Bowling Green KY: the ZIP3 table gives Kentucky's two zones at most; the directory knows Warren County is Central
        org.evergreencrm.api.address.ZipPlace bowlingGreen = new org.evergreencrm.api.address.ZipPlace("42101",
                "BOWLING GREEN", "KY", "Warren", "21227", 36.96, -86.44, "America/Chicago");
        UsZones withDirectory = new UsZones(() -> new org.evergreencrm.api.address.ZipDirectory() {
            @Override
            public java.util.Optional<org.evergreencrm.api.address.ZipPlace> zip(String zip) {
                return zip.startsWith("42101") ? java.util.Optional.of(bowlingGreen) : java.util.Optional.empty();
            }

            @Override
            public String stateOf(String zip) {
                return null;
            }

            @Override
            public java.util.Optional<ZoneId> timeZone(String state, String zip) {
                return java.util.Optional.empty();
            }

            @Override
            public List<org.evergreencrm.api.address.ZipPlace> suggest(String prefix, String state, int max) {
                return List.of();
            }

            @Override
            public ZipDataStatus status() {
                return new ZipDataStatus(1, "test", null, false, "1 ZIP");
            }
        });
        assertEquals(List.of(ZoneId.of("America/Chicago")), withDirectory.zonesOf("KY", "42101-1234"));
        assertEquals(List.of(ZoneId.of("America/Chicago")), withDirectory.zonesOf(null, "42101"));
        // a state that disagrees with the ZIP, or a ZIP it does not have: the tables as before
        assertEquals(zones.zonesOf("TN", "42101"), withDirectory.zonesOf("TN", "42101"));
        assertEquals(zones.zonesOf("KY", "40202"), withDirectory.zonesOf("KY", "40202"));
    }

    @Test
    void zip3StatesAgreeWithGeoNames() throws IOException {
        Path file = Path.of(System.getProperty("evergreen.shared.data", "../../../shared/data"), "zip_centroids",
                "us_zip_centroids.csv");
        assumeTrue(Files.isReadable(file), "GeoNames ZIP centroids not found at " + file.toAbsolutePath()
                + " (set evergreen.shared.data); skipping the ZIP3 table check");
        int total = 0;
        int agree = 0;
        StringBuilder misses = new StringBuilder();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                String zip = f[0];
                String state = f[f.length - 3];
                if (state.isEmpty() || List.of("AA", "AE", "AP", "AS", "MP", "FM", "MH", "PW").contains(state)) {
                    continue;
                }
                total++;
                if (state.equals(zones.stateOfZip(zip))) {
                    agree++;
                } else if (misses.length() < 400) {
                    misses.append(zip).append('=').append(state).append('/').append(zones.stateOfZip(zip)).append(' ');
                }
                assertTrue(!zones.zonesOf(state, zip).isEmpty(), "no zone for " + zip + " " + state);
            }
        }
        double rate = (double) agree / total;
        System.out.printf("[evergreen] ZIP3 -> state agrees with GeoNames for %d of %d ZIPs (%.3f%%)%n", agree, total, 100 * rate);
        assertTrue(rate > 0.995, "agreement " + rate + "; e.g. " + misses);
    }
}
