package org.evergreencrm.address.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.evergreencrm.api.address.ZipPlace;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Autocomplete on every keystroke over the whole GeoNames US file (about 41,000 ZIPs): each of 2,000 addresses
 * typed one character at a time ("1", "12", ... "123 MAIN ST, SPRINGF", ... with ZIP digits at the end), timed per
 * call, against a bare ZIP lookup in the same run as the baseline; then full offline verification.
 * <pre>./mvnw -o -Pbenchmark -pl bundles/org.evergreencrm.address test -Dtest=AutocompleteBenchmark</pre>
 */
class AutocompleteBenchmark {
    private static final Path US = Path.of("..", "..", "..", "shared", "data", "zip_centroids", "geonames_US_postal_2024-04-12.txt.gz");

    @Test
    void autocompletePerKeystroke() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(US), "GeoNames file not found at " + US.toAbsolutePath() + ": benchmark skipped");
        ZipData zips = new ZipData(TestDatabases.migrated(TestDatabases.h2().dataSource()), Clock.systemUTC());
        try (InputStream in = Files.newInputStream(US)) {
            zips.importZips(Actor.system(), US.toString(), in, n -> { });
        }
        Autocomplete auto = new Autocomplete(zips);
        OfflineVerifier verifier = new OfflineVerifier(zips, Clock.systemUTC());
        List<ZipPlace> all = zips.suggest("0", null, 100_000);
        for (char d = '1'; d <= '9'; d++) {
            all.addAll(zips.suggest(String.valueOf(d), null, 100_000));
        }
        Random r = new Random(14);
        String[] streets = {"MAIN ST", "north oak avenue", "Elm Street Apt 4", "W 7th St", "PO Box 12", "Rural Route 2 Box 15",
            "county road 12", "MLK Jr Blvd #3"};
        List<String> typed = new ArrayList<>();
        List<String> full = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ZipPlace p = all.get(r.nextInt(all.size()));
            String address = (1 + r.nextInt(9999)) + " " + streets[r.nextInt(streets.length)] + ", " + p.city().toLowerCase()
                    + ", " + p.state() + " " + p.zip();
            full.add(address);
            for (int k = 1; k <= address.length(); k++) {
                typed.add(address.substring(0, k));
            }
        }
        // warm up, then measure
        time(typed.subList(0, 20_000), q -> auto.suggest(q, 10));
        time(typed.subList(0, 20_000), q -> zips.zip(q));
        long[] baseline = time(typed, q -> zips.zip(q));
        long[] suggest = time(typed, q -> auto.suggest(q, 10));
        long[] verify = time(full, q -> verifier.verify(List.of(q)));
        System.out.printf("[bench] ZIP lookup (baseline): %s%n", summary(baseline));
        System.out.printf("[bench] autocomplete per keystroke (%,d calls): %s; p99 = %.0fx the baseline p99%n", typed.size(),
                summary(suggest), pct(suggest, 0.99) / Math.max(1.0, pct(baseline, 0.99)));
        System.out.printf("[bench] full offline verify (%,d addresses): %s%n", full.size(), summary(verify));
        assertTrue(suggest.length == typed.size());
    }

    private static long[] time(List<String> inputs, Consumer<String> call) {
        long[] out = new long[inputs.size()];
        for (int i = 0; i < out.length; i++) {
            long t = System.nanoTime();
            call.accept(inputs.get(i));
            out[i] = System.nanoTime() - t;
        }
        Arrays.sort(out);
        return out;
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String summary(long[] sorted) {
        return String.format("p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f ms", pct(sorted, 0.5) / 1e3,
                pct(sorted, 0.99) / 1e3, pct(sorted, 0.999) / 1e3, sorted[sorted.length - 1] / 1e6);
    }
}
