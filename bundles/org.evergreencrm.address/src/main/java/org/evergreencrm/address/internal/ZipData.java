package org.evergreencrm.address.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.address.ZipImport;
import org.evergreencrm.api.address.ZipPlace;
import org.evergreencrm.api.security.Actor;

/**
 * The ZIP directory: GeoNames postal data from {@code address_zip}, held in memory (about 41,000 ZIPs, a few MB) for
 * lookups on every keystroke, reloaded after each import. Without imported data only states are known.
 */
@org.osgi.service.component.annotations.Component(service = {ZipDirectory.class, ZipData.class},
        configurationPid = "org.evergreencrm.address")
@org.osgi.service.metatype.annotations.Designate(ocd = AddressConfig.class)
public final class ZipData implements ZipDirectory {
    private static final System.Logger LOG = System.getLogger(ZipData.class.getName());
    private final ZipStore store;
    private final java.util.concurrent.ExecutorService firstStart = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evergreen-zip-first-import");
        t.setDaemon(true);
        return t;
    });
    private volatile long firstStartRows = -1;
    private final Clock clock;
    private volatile Index index = Index.EMPTY;
    private final Object importing = new Object();

    /** An immutable snapshot: ZIP → place, and "CITY|ST|ZIP" → place for prefix search by city. */
    private record Index(NavigableMap<String, ZipPlace> byZip, NavigableMap<String, ZipPlace> byCity,
            Map<String, String> cityNames, ZipImport last, ZipPlace[] byLatitude) {
        static final Index EMPTY = new Index(new TreeMap<>(), new TreeMap<>(), Map.of(), null, new ZipPlace[0]);
    }

    /** Spellings people use for the first word of a place name, to the one the postal data uses. */
    private static final Map<String, String> FIRST_WORD = Map.of("ST", "SAINT", "STE", "SAINTE", "FT", "FORT",
            "MT", "MOUNT", "PT", "POINT");

    @org.osgi.service.component.annotations.Activate
    public ZipData(@org.osgi.service.component.annotations.Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @org.osgi.service.component.annotations.Reference(target = "(evergreen.schema=org.evergreencrm.address)")
            org.evergreencrm.api.store.SchemaReady schema, AddressConfig config) {
        this(ds, Clock.systemUTC());
        if (index().byZip().isEmpty() && !config.zipDataFile().isBlank()) {
            firstStart.submit(() -> importFiles(config.zipDataFile()));
        }
    }

    ZipData(DataSource ds, Clock clock) {
        this.store = new ZipStore(ds);
        this.clock = clock;
        reload();
    }

    @org.osgi.service.component.annotations.Deactivate
    void stop() {
        firstStart.shutdownNow();
    }

    /** The first-start import of the configured files; what it did is in the imports' records and the log. */
    void importFiles(String files) {
        for (String f : files.split(",")) {
            java.nio.file.Path path = java.nio.file.Path.of(f.trim());
            if (!java.nio.file.Files.isReadable(path)) {
                LOG.log(System.Logger.Level.WARNING, "ZIP data file " + path + " (zipDataFile) is not readable; "
                        + "places stay known to state level only");
                continue;
            }
            try (InputStream in = java.nio.file.Files.newInputStream(path)) {
                ZipImport done = importZips(Actor.system(), path.toString(), in, n -> firstStartRows = n);
                LOG.log(System.Logger.Level.INFO, "ZIP data from " + path + ": " + done.message());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ZIP data import from " + path + " failed: " + e.getMessage());
            }
        }
        firstStartRows = -1;
    }

    /** How often a node looks whether another node imported ZIP data (one cheap query). */
    static final long CHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    volatile long checkNanos = CHECK_NANOS;
    private volatile long checkedAt = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicBoolean checking = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The index, read again first when another node finished an import since (looked for at most every 30 s, by the
     * newest finished import's id; one caller reloads, the others go on with the index they have).
     */
    private Index index() {
        Index i = index;
        if (System.nanoTime() - checkedAt > checkNanos && checking.compareAndSet(false, true)) {
            try {
                checkedAt = System.nanoTime();
                long newest = store.newestDoneImport();
                if (newest != (i.last() == null ? 0 : i.last().id())) {
                    LOG.log(System.Logger.Level.INFO, "ZIP data import " + newest + " finished elsewhere: reading the ZIP directory again");
                    reload();
                    i = index;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not look for newer ZIP data: " + e.getMessage());
            } finally {
                checking.set(false);
            }
        }
        return i;
    }

    /** Reads the table again (after an import here or on another node). */
    void reload() {
        NavigableMap<String, ZipPlace> byZip = new TreeMap<>();
        NavigableMap<String, ZipPlace> byCity = new TreeMap<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (ZipPlace p : store.all()) {
            byZip.put(p.zip(), p);
            byCity.put(p.city() + "|" + p.state() + "|" + p.zip(), p);
            names.put(p.state() + "|" + p.city(), p.city());
        }
        ZipImport last = store.imports().stream().filter(i -> i.state().equals("DONE")).findFirst().orElse(null);
        ZipPlace[] byLatitude = byZip.values().toArray(new ZipPlace[0]);
        java.util.Arrays.sort(byLatitude, java.util.Comparator.comparingDouble(ZipPlace::latitude));
        index = new Index(Collections.unmodifiableNavigableMap(byZip), Collections.unmodifiableNavigableMap(byCity),
                names, last, byLatitude);
    }

    @Override
    public Optional<ZipPlace> zip(String zip) {
        String z = zip5(zip);
        return z == null ? Optional.empty() : Optional.ofNullable(index().byZip().get(z));
    }

    @Override
    public String stateOf(String zip) {
        return zip(zip).map(ZipPlace::state).orElseGet(() -> PlaceZones.get().stateOfZip3(zip5(zip)));
    }

    @Override
    public Optional<ZoneId> timeZone(String state, String zip) {
        Optional<ZipPlace> place = zip(zip);
        if (place.isPresent() && place.get().timeZone() != null
                && (state == null || state.equalsIgnoreCase(place.get().state()))) {
            return Optional.of(ZoneId.of(place.get().timeZone()));
        }
        String st = state != null && Pub28.get().state(state.toUpperCase(Locale.ROOT)) != null ? state : stateOf(zip);
        return Optional.ofNullable(PlaceZones.get().stateZone(st));
    }

    @Override
    public List<ZipPlace> suggest(String prefix, String state, int max) {
        String p = prefix == null ? "" : prefix.trim().toUpperCase(Locale.ROOT);
        String st = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        List<ZipPlace> out = new ArrayList<>();
        if (p.isEmpty() || max <= 0) {
            return out;
        }
        NavigableMap<String, ZipPlace> map = Character.isDigit(p.charAt(0)) ? index().byZip() : index().byCity();
        for (Map.Entry<String, ZipPlace> e : map.tailMap(p, true).entrySet()) {
            if (!e.getKey().startsWith(p) || out.size() >= max) {
                break;
            }
            if (st == null || st.equals(e.getValue().state())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /**
     * The city as the postal data writes it when {@code words} name a place of the state (or of the ZIP's state):
     * {@code "ST PAUL"} in MN gives {@code "SAINT PAUL"}; {@code null} when no such place is known.
     */
    String city(String state, String zip, String words) {
        Index i = index();
        if (words == null || words.isBlank() || i.cityNames().isEmpty()) {
            return null;
        }
        String w = words.trim().toUpperCase(Locale.ROOT).replace('-', ' ').replace(".", "");
        String st = state != null ? state : stateOf(zip);
        if (st == null) {
            return null;
        }
        String known = i.cityNames().get(st + "|" + w);
        if (known == null) {
            int space = w.indexOf(' ');
            String first = FIRST_WORD.get(space < 0 ? w : w.substring(0, space));
            if (first != null && space > 0) {
                known = i.cityNames().get(st + "|" + first + w.substring(space));
            }
        }
        return known;
    }

    /** This directory as the parser's place names. */
    PlaceNames placeNames() {
        return this::city;
    }

    @Override
    public List<ZipPlace> near(double latitude, double longitude, double miles, int max) {
        org.evergreencrm.api.lead.GeoPoint at = new org.evergreencrm.api.lead.GeoPoint(latitude, longitude, "Zip5", "zip");
        double dLat = miles / 69.0; // a degree of latitude is about 69 miles: only that band is measured
        ZipPlace[] band = index().byLatitude();
        int lo = 0;
        int hi = band.length;
        while (lo < hi) { // the first place at or above latitude - dLat
            int mid = (lo + hi) >>> 1;
            if (band[mid].latitude() < latitude - dLat) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        record Near(ZipPlace place, double miles) {
        }
        List<Near> found = new java.util.ArrayList<>();
        for (int i = lo; i < band.length && band[i].latitude() <= latitude + dLat; i++) {
            double d = at.milesTo(new org.evergreencrm.api.lead.GeoPoint(band[i].latitude(), band[i].longitude(), "Zip5", "zip"));
            if (d <= miles) {
                found.add(new Near(band[i], d));
            }
        }
        found.sort(java.util.Comparator.comparingDouble(Near::miles));
        return found.stream().limit(Math.max(0, max)).map(Near::place).toList();
    }

    @Override
    public ZipDataStatus status() {
        Index i = index();
        if (i.byZip().isEmpty()) {
            return new ZipDataStatus(0, null, null, true, "no ZIP data imported: places are known to state level only "
                    + "(state from the ZIP's first three digits, the state's main time zone); import GeoNames US postal "
                    + "data with crm:zip-import or POST /api/v1/addresses/zip-imports");
        }
        return new ZipDataStatus(i.byZip().size(), i.last() == null ? null : i.last().source(),
                i.last() == null ? null : i.last().finishedAt(), false, i.byZip().size() + " ZIPs known");
    }

    /** Imports GeoNames data (gzip'd or not): refused rows are listed in the import's record. Admins only. */
    ZipImport importZips(Actor actor, String source, InputStream data, LongConsumer progress) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("only an admin may import ZIP data");
        }
        synchronized (importing) {
            long id = store.start(source == null || source.isBlank() ? "upload" : source, actor.username(), clock.instant());
            long[] rows = {0};
            try (BufferedReader in = reader(data)) {
                GeoNamesReader.Result result = new GeoNamesReader().read(in, n -> {
                    rows[0] = n;
                    progress.accept(n);
                });
                if (result.places().isEmpty()) {
                    store.fail(id, result.rowsRead(), "no ZIP could be read (" + result.refused() + " rows refused"
                            + (result.refusals().isEmpty() ? "" : "; first: " + result.refusals().get(0)) + ")", clock.instant());
                } else {
                    store.store(id, result, clock.instant());
                }
            } catch (IOException | UncheckedIOException e) {
                store.fail(id, rows[0], "unreadable: " + e.getMessage(), clock.instant());
            } catch (RuntimeException e) {
                store.fail(id, rows[0], "failed: " + e.getMessage(), clock.instant());
                throw e;
            }
            reload();
            return imports().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        }
    }

    List<ZipImport> imports() {
        return store.imports();
    }

    private static BufferedReader reader(InputStream data) throws IOException {
        BufferedInputStream in = new BufferedInputStream(data);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream raw = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
        return new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
    }

    /** The 5-digit ZIP of "62704", "62704-1234" or "627041234"; {@code null} otherwise. */
    static String zip5(String zip) {
        if (zip == null) {
            return null;
        }
        String z = zip.trim();
        if (z.matches("\\d{5}(-?\\d{4})?")) {
            return z.substring(0, 5);
        }
        return null;
    }

    Instant now() {
        return clock.instant();
    }
}
