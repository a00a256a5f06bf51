package org.evergreencrm.address.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.evergreencrm.api.address.ZipImport;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ZIP directory on the real GeoNames US postal file in {@code ../shared/data/zip_centroids} (skipped with a
 * message when it is not there): the whole import, the county time-zone table against the file's county names, and
 * the parser's accuracy when it may consult the place names.
 */
class GeoNamesDataTest {
    private static final Path DATA = Path.of("..", "..", "..", "shared", "data", "zip_centroids");
    private static final Path US = DATA.resolve("geonames_US_postal_2024-04-12.txt.gz");
    private static final Path TERRITORIES = DATA.resolve("geonames_US_territories_postal_2024-04-12.txt.gz");
    private static ZipData zips;
    private static ZipImport us;
    private static ZipImport territories;

    @BeforeAll
    static void importTheFile() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(US), "GeoNames US postal data not found at " + US.toAbsolutePath()
                + ": ZIP directory tests on real data skipped");
        DataSource ds = TestDatabases.migrated(TestDatabases.h2().dataSource());
        zips = new ZipData(ds, Clock.systemUTC());
        try (InputStream in = Files.newInputStream(US)) {
            us = zips.importZips(Actor.system(), US.toString(), in, n -> { });
        }
        if (Files.isReadable(TERRITORIES)) {
            try (InputStream in = Files.newInputStream(TERRITORIES)) {
                territories = zips.importZips(Actor.system(), TERRITORIES.toString(), in, n -> { });
            }
        }
    }

    @Test
    void theWholeFileImportsAndEveryRefusalHasAReason() {
        System.out.printf("GeoNames US: %d rows read, %d ZIPs stored, %d refused; first refusals: %s%n", us.rowsRead(),
                us.zipsStored(), us.rowsRefused(), us.refusals().subList(0, Math.min(3, us.refusals().size())));
        assertEquals("DONE", us.state());
        assertEquals(us.rowsRead(), us.zipsStored() + us.rowsRefused(), "every row is stored or refused");
        assertTrue(us.zipsStored() > 40_000, us.message());
        List<String> other = us.refusals().stream().filter(r -> !(r.contains("APO") || r.contains("FPO")
                || r.contains("DPO") || r.contains("repeats"))).toList();
        assertTrue(other.isEmpty(), "only military ZIPs and repeats are refused: " + other);
        assertEquals("America/Chicago", zips.zip("32501").orElseThrow().timeZone(), "Pensacola");
        assertEquals("America/New_York", zips.zip("32801").orElseThrow().timeZone(), "Orlando");
        assertEquals("America/Denver", zips.zip("79901").orElseThrow().timeZone(), "El Paso");
        assertEquals("America/Phoenix", zips.zip("85001").orElseThrow().timeZone());
        assertEquals("America/Boise", zips.zip("83702").orElseThrow().timeZone());
        assertEquals("America/Los_Angeles", zips.zip("83814").orElseThrow().timeZone(), "Coeur d'Alene, Idaho panhandle");
        assertEquals("SPRINGFIELD", zips.zip("62704").orElseThrow().city());
        assertEquals("17167", zips.zip("62704").orElseThrow().countyFips());
        if (territories != null) {
            assertEquals("PR", zips.zip("00601").orElseThrow().state());
            assertEquals("America/Puerto_Rico", zips.zip("00601").orElseThrow().timeZone());
        }
    }

    @Test
    void autocompleteOnTheWholeFile() {
        Autocomplete a = new Autocomplete(zips);
        List<org.evergreencrm.api.address.AddressSuggestion> s = a.suggest("500 N Palafox St, pensac", 10);
        assertEquals("500 N PALAFOX ST, PENSACOLA FL", s.get(0).text(), s.toString());
        assertEquals("PENSACOLA FL 32501", a.suggest("Pensacola FL 3250", 10).get(0).text());
        assertTrue(a.suggest("springfield", 10).size() > 3, "Springfields in many states");
    }

    @Test
    void everyCountyOfTheTimeZoneTableIsACountyOfTheFile() throws Exception {
        Set<String> counties = new HashSet<>();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(US)), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                counties.add(f[4] + "|" + f[5].toUpperCase(Locale.ROOT));
            }
        }
        List<String> unknown = new ArrayList<>();
        Pub28.lines("county-zones.txt", line -> {
            String[] halves = line.split(":", 2);
            String state = halves[0].trim().split("\\s+")[0];
            for (String county : halves[1].split("\\|")) {
                // Newer names the 2024 file does not use yet, listed beside the names it does use (Shannon,
                // "Aleutians West (CA)"), so other data matches too.
                if (!counties.contains(state + "|" + county.trim().toUpperCase(Locale.ROOT))
                        && !Set.of("Oglala Lakota", "Aleutians West").contains(county.trim())) {
                    unknown.add(state + " " + county.trim());
                }
            }
        });
        assertTrue(unknown.isEmpty(), "counties in county-zones.txt the GeoNames file does not have: " + unknown);
    }

    @Test
    void theParserWithPlaceNamesStillMeetsTheGoal() {
        UsAddressParser parser = new UsAddressParser(zips.placeNames());
        for (String set : List.of("labelled-addresses.tsv", "heldout-addresses.tsv")) {
            LabelledAddresses.Score s = LabelledAddresses.score(parser, LabelledAddresses.load(set));
            System.out.printf("%s, rules + GeoNames place names: %d addresses, %d/%d components right (%.2f%%), "
                    + "%d whole addresses right (%.2f%%)%n", set, s.cases(), s.right(), s.compared(),
                    100 * s.componentAccuracy(), s.wholeRight(), 100 * s.wholeAccuracy());
            s.misses().forEach(m -> System.out.println("  miss " + m));
            assertTrue(s.componentAccuracy() >= 0.98, String.format("%s: component accuracy %.4f", set, s.componentAccuracy()));
        }
    }
}
