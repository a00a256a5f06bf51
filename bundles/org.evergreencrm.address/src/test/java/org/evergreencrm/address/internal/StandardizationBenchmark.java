package org.evergreencrm.address.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.evergreencrm.api.address.ZipPlace;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Throughput of batch standardization (parse, Publication 28 form, ZIP geocode, county time zone: what the
 * re-enrichment job and imports do per address) against plain parsing in the same run, one thread, over 200,000
 * generated messy addresses on the whole GeoNames US file.
 * <pre>./mvnw -o -Pbenchmark -pl bundles/org.evergreencrm.address test -Dtest=StandardizationBenchmark</pre>
 */
class StandardizationBenchmark {
    private static final Path US = Path.of("..", "..", "..", "shared", "data", "zip_centroids", "geonames_US_postal_2024-04-12.txt.gz");

    @Test
    void batchStandardizationAgainstPlainParsing() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(US), "GeoNames file not found at " + US.toAbsolutePath() + ": benchmark skipped");
        ZipData zips = new ZipData(TestDatabases.migrated(TestDatabases.h2().dataSource()), Clock.systemUTC());
        try (InputStream in = Files.newInputStream(US)) {
            zips.importZips(Actor.system(), US.toString(), in, n -> { });
        }
        List<ZipPlace> all = new ArrayList<>();
        for (char d = '0'; d <= '9'; d++) {
            all.addAll(zips.suggest(String.valueOf(d), null, 100_000));
        }
        Random r = new Random(14);
        String[] streets = {"MAIN ST", "north oak avenue", "Elm Street Apt 4", "W 7th St", "PO Box 12", "Rural Route 2 Box 15",
            "county road 12", "MLK Jr Blvd #3", "123 1/2 south broadway suite 200", "n. palafox st., unit b"};
        List<String[]> lines = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            ZipPlace p = all.get(r.nextInt(all.size()));
            String city = r.nextBoolean() ? p.city().toLowerCase() : p.city();
            lines.add(new String[] {(1 + r.nextInt(9999)) + " " + streets[r.nextInt(streets.length)], city + ", " + p.state() + " " + p.zip()});
        }
        UsAddressParser parser = new UsAddressParser(zips.placeNames());
        OfflineVerifier verifier = new OfflineVerifier(zips, Clock.systemUTC());
        for (int round = 0; round < 2; round++) { // warm up
            run(lines.subList(0, 50_000), l -> parser.parse(l));
            run(lines.subList(0, 50_000), l -> verifier.verify(List.of(l)));
        }
        double parse = run(lines, l -> parser.parse(l));
        double standardize = run(lines, l -> verifier.verify(List.of(l)));
        System.out.printf("[bench] plain parsing (baseline): %,.0f addresses/s%n", parse);
        System.out.printf("[bench] batch standardization: %,.0f addresses/s = %.2fx the parsing throughput (%,d addresses, 1 thread)%n",
                standardize, standardize / parse, lines.size());
        assertTrue(standardize > 0 && parse > 0);
    }

    private static double run(List<String[]> inputs, Consumer<String[]> call) {
        long t = System.nanoTime();
        for (String[] l : inputs) {
            call.accept(l);
        }
        return inputs.size() / ((System.nanoTime() - t) / 1e9);
    }
}
