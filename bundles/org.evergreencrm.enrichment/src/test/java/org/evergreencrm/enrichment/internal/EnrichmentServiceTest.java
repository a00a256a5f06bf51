package org.evergreencrm.enrichment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.address.AddressAnalysis;
import org.evergreencrm.api.address.AddressComponents;
import org.evergreencrm.api.address.AddressMetadata;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.AddressSource;
import org.evergreencrm.api.address.ContactAddress;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.address.ZipPlace;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.enrichment.ContactEnrichment;
import org.evergreencrm.api.enrichment.EnrichmentJob;
import org.evergreencrm.api.enrichment.EnrichmentProvider;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.api.lead.BranchOffice;
import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.LeadRouting;
import org.evergreencrm.api.schedule.TaskScheduler;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.timeline.TimelineEvents;
import org.evergreencrm.enrichment.internal.providers.BranchProviderAccess;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The enrichment service on H2 and PostgreSQL: the built-in providers on real tables (leads and call attempts for the
 * market), values stored with source and time, a failing provider recorded while the others go on, the contact's
 * access rule, the timeline written only when something changed, and the re-enrichment job with its progress.
 */
class EnrichmentServiceTest {
    private static final Instant NOW = Instant.parse("2026-07-15T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Actor ADMIN = Actor.system();
    private static final Actor RITA = new Actor(7L, "rita", Role.REP, 1L);
    private static final Actor ROB = new Actor(8L, "rob", Role.REP, 2L);

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    private record Fixture(EnrichmentServiceImpl service, Map<Long, Contact> contacts, List<Event> events, List<String> scheduled,
            AtomicInteger standardized) {
    }

    private static final List<ZipPlace> ZIPS = List.of(
            new ZipPlace("62704", "SPRINGFIELD", "IL", "Sangamon", "17167", 39.7725, -89.6889, "America/Chicago"),
            new ZipPlace("62701", "SPRINGFIELD", "IL", "Sangamon", "17167", 39.8000, -89.6495, "America/Chicago"),
            new ZipPlace("33602", "TAMPA", "FL", "Hillsborough", "12057", 27.9517, -82.4588, "America/New_York"));

    private static Fixture fixture(DataSource ds) throws Exception {
        TestDatabases.migrated(ds);
        Map<Long, Contact> contacts = new java.util.LinkedHashMap<>();
        long springfield = insertContact(ds, contacts, 7L, new PostalAddress("123 N Main St Apt 4", null, "Springfield", "IL", "62704", "US"));
        long tampa = insertContact(ds, contacts, 7L, new PostalAddress("1 Water St", null, "Tampa", "FL", "33602", "US"));
        insertContact(ds, contacts, 8L, new PostalAddress(null, null, null, null, "62701", null)); // a ZIP and nothing else
        insertContact(ds, contacts, 8L, new PostalAddress("10 Downing St", null, "London", null, "SW1A 2AA", "GB"));
        // history: 40 leads, each its own contact, half in Springfield and half in Tampa; 5 got an appointment set
        for (int i = 0; i < 40; i++) {
            long contact = insertContact(ds, contacts, 9L, new PostalAddress(null, null, null, null, i % 2 == 0 ? "62704" : "33602", "US"));
            insertLead(ds, contact, NOW.minusSeconds(86_400L * (i + 1)), i < 20 && i % 4 == 0);
        }
        List<String> scheduled = new ArrayList<>();
        TaskScheduler scheduler = (TaskScheduler) Proxy.newProxyInstance(TaskScheduler.class.getClassLoader(), new Class<?>[] {TaskScheduler.class},
                (p, m, a) -> {
                    if (m.getName().equals("schedule")) {
                        scheduled.add(a[0] + " " + a[1] + " " + a[3]);
                        return true;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        AtomicInteger standardized = new AtomicInteger();
        EnrichmentServiceImpl service = new EnrichmentServiceImpl(ds, org.evergreencrm.store.internal.TestContacts.ownedBy(contacts), scheduler, CLOCK);
        List<Event> events = new ArrayList<>();
        service.events = new EventAdmin() {
            public void postEvent(Event e) {
                events.add(e);
            }

            public void sendEvent(Event e) {
                events.add(e);
            }
        };
        service.addresses = addresses(contacts, standardized);
        service.zips = zips();
        LeadRouting routing = (LeadRouting) Proxy.newProxyInstance(LeadRouting.class.getClassLoader(), new Class<?>[] {LeadRouting.class},
                (p, m, a) -> m.getName().equals("branches") ? List.of(
                        new BranchOffice("springfield", new GeoPoint(39.7817, -89.6501, "Rooftop", "config"), 30, List.of("rita")),
                        new BranchOffice("tampa", new GeoPoint(27.95, -82.46, "Rooftop", "config"), 25, List.of())) : null);
        service.addProvider(BranchProviderAccess.branch(routing), Map.of("service.ranking", 50));
        service.addProvider(BranchProviderAccess.neighborhood(service.zips), Map.of("service.ranking", 40));
        service.addProvider(BranchProviderAccess.market(ds, CLOCK), Map.of("service.ranking", 30));
        return new Fixture(service, contacts, events, scheduled, standardized);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aContactGetsNearestBranchNeighbourhoodAndMarketWithSourceAndTime(TestDatabases.Db db) throws Exception {
        Fixture f = fixture(db.dataSource());
        long id = idOf(f, "62704");
        ContactEnrichment e = f.service().enrichContact(RITA, id);
        Map<String, EnrichmentValue> v = e.values().stream().collect(Collectors.toMap(x -> x.group() + "/" + x.field(), x -> x));
        assertEquals("springfield", v.get("branch/nearestBranch").value());
        assertEquals("true", v.get("branch/withinRadius").value());
        double miles = Double.parseDouble(v.get("branch/distanceMiles").value());
        assertTrue(miles > 1 && miles < 4, v.get("branch/distanceMiles").toString());
        assertEquals("Sangamon", v.get("neighborhood/county").value());
        assertEquals("2", v.get("neighborhood/zipsWithin10mi").value());
        assertEquals("all regions", v.get("market/region").value(), "40 leads in all, 20 per ZIP prefix: below the 30 a region needs");
        assertEquals("40", v.get("market/leadsLast12Months").value());
        assertEquals("12.5", v.get("market/appointmentRate").value(), "5 of 40");
        assertTrue(e.values().stream().allMatch(x -> x.at().equals(NOW) && x.source().equals(x.group())), e.values().toString());
        assertEquals(List.of("branch OK", "market OK", "neighborhood OK"),
                e.runs().stream().map(r -> r.provider() + " " + r.outcome()).toList());
        assertEquals(1, timelineEntries(f), "the first enrichment is on the timeline");
        Event t = f.events().stream().filter(x -> x.getTopic().equals(TimelineEvents.ACTIVITY)).findFirst().orElseThrow();
        assertTrue(String.valueOf(t.getProperty(TimelineEvents.SUMMARY)).startsWith("Enriched: nearest branch springfield"), t.toString());

        f.service().enrichContact(RITA, id);
        assertEquals(1, timelineEntries(f), "the same values again: nothing new on the timeline");
        assertEquals(e.values(), f.service().ofContact(RITA, id).values());
        assertThrows(AccessDeniedException.class, () -> f.service().ofContact(ROB, id));
        assertThrows(AccessDeniedException.class, () -> f.service().enrichContact(ROB, id));
        assertThrows(NotFoundException.class, () -> f.service().ofContact(ADMIN, 987_654_321L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailingProviderIsRecordedAndTheOthersGoOnKeepingItsLastValues(TestDatabases.Db db) throws Exception {
        Fixture f = fixture(db.dataSource());
        AtomicInteger calls = new AtomicInteger();
        EnrichmentProvider flaky = new EnrichmentProvider() {
            public String name() {
                return "flaky";
            }

            public String description() {
                return "works once";
            }

            public List<EnrichmentValue> enrich(EnrichmentSubject s) throws Exception {
                if (calls.incrementAndGet() > 1) {
                    throw new java.io.IOException("vendor down (503)");
                }
                return List.of(new EnrichmentValue("property", "yearBuilt", "1958", null, "stub", "whoever", null));
            }
        };
        f.service().addProvider(flaky, Map.of("service.ranking", 60));
        long id = idOf(f, "33602");
        f.service().enrichContact(ADMIN, id);
        ContactEnrichment again = f.service().enrichContact(ADMIN, id);
        assertEquals("FAILED", again.runs().stream().filter(r -> r.provider().equals("flaky")).findFirst().orElseThrow().outcome());
        assertTrue(again.values().stream().anyMatch(v -> v.field().equals("yearBuilt") && v.source().equals("flaky")),
                "the last good value stays, stamped with its provider: " + again.values());
        assertTrue(again.values().stream().anyMatch(v -> v.field().equals("nearestBranch") && v.value().equals("tampa")));
        assertTrue(f.service().providers().get(0).startsWith("flaky: works once"), f.service().providers().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theJobStandardizesAndEnrichesEveryContactWithProgressAndOneAtATime(TestDatabases.Db db) throws Exception {
        Fixture f = fixture(db.dataSource());
        assertThrows(AccessDeniedException.class, () -> f.service().startJob(RITA));
        EnrichmentJob job = f.service().startJob(ADMIN);
        assertEquals("QUEUED", job.state());
        assertEquals(44, job.total());
        assertEquals(List.of("enrichment-rerun job-" + job.id() + " " + job.id()), f.scheduled());
        assertEquals(job.id(), f.service().startJob(ADMIN).id(), "one at a time");
        f.service().jobsForTest().run(job.id());
        EnrichmentJob done = f.service().job(ADMIN, job.id()).orElseThrow();
        assertEquals("DONE", done.state(), done.toString());
        assertEquals(44, done.done());
        assertEquals(0, done.failed());
        assertEquals(44, f.standardized().get(), "every contact standardized again first");
        assertTrue(done.message().contains("44 contacts standardized and enriched"), done.message());
        long zipOnly = idOf(f, "62701");
        assertTrue(f.service().ofContact(ADMIN, zipOnly).values().stream().anyMatch(v -> v.field().equals("nearestBranch")),
                "a contact with only a ZIP is placed at its centroid");
        long london = idOf(f, "SW1A 2AA");
        assertTrue(f.service().ofContact(ADMIN, london).values().stream().noneMatch(v -> v.group().equals("branch")),
                "a foreign address gets no branch distance");
        assertTrue(f.service().startJob(ADMIN).id() > job.id(), "a new job once the last is done");
        assertEquals(2, f.service().jobs(ADMIN).size());
    }

    private static long timelineEntries(Fixture f) {
        return f.events().stream().filter(e -> e.getTopic().equals(TimelineEvents.ACTIVITY)).count();
    }

    private static long idOf(Fixture f, String postal) {
        return f.contacts().values().stream().filter(c -> postal.equals(c.address().postalCode())).findFirst().orElseThrow().id();
    }

    private static long insertContact(DataSource ds, Map<Long, Contact> contacts, long owner, PostalAddress a) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (kind, status, search_text, "
                + "created_at, updated_at, version, addr_line1, addr_city, addr_state, addr_postal_code, addr_country) "
                + "VALUES ('PERSON', 'NEW', 'x', ?, ?, 0, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, NOW.atOffset(ZoneOffset.UTC));
            ps.setObject(2, NOW.atOffset(ZoneOffset.UTC));
            ps.setString(3, a.line1());
            ps.setString(4, a.city());
            ps.setString(5, a.state());
            ps.setString(6, a.postalCode());
            ps.setString(7, a.country());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                contacts.put(id, new Contact(id, ContactKind.PERSON, "Ann", "Test", null, List.of(), List.of(), a, "test", owner,
                        ContactStatus.NEW, java.util.Set.of(), Map.of(), NOW, NOW, 0, null));
                return id;
            }
        }
    }

    private static void insertLead(DataSource ds, long contactId, Instant at, boolean appointment) throws Exception {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead (source, source_lead_id, raw_payload, contact_id, existing_contact, "
                    + "received_at, stored_at) VALUES ('test', ?, '{}', ?, FALSE, ?, ?)")) {
                ps.setString(1, "L" + System.nanoTime());
                ps.setLong(2, contactId);
                ps.setObject(3, at.atOffset(ZoneOffset.UTC));
                ps.setObject(4, at.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            if (appointment) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO call_attempt (contact_id, username, claimed_at, outcome, outcome_at) "
                        + "VALUES (?, 'rita', ?, 'APPOINTMENT_SET', ?)")) {
                    ps.setLong(1, contactId);
                    ps.setObject(2, at.atOffset(ZoneOffset.UTC));
                    ps.setObject(3, at.atOffset(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Standardizes a US address the simple way (the address bundle's own tests cover the real thing). */
    private static AddressService addresses(Map<Long, Contact> contacts, AtomicInteger standardized) {
        return (AddressService) Proxy.newProxyInstance(AddressService.class.getClassLoader(), new Class<?>[] {AddressService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("standardizeContact")) {
                        standardized.incrementAndGet();
                        return null;
                    }
                    if (method.getName().equals("ofContact")) {
                        Contact c = contacts.get((Long) args[1]);
                        PostalAddress a = c.address();
                        Optional<ZipPlace> z = ZIPS.stream().filter(p -> p.zip().equals(a.postalCode())).findFirst();
                        if (a.line1() == null || z.isEmpty()) {
                            return Optional.empty();
                        }
                        ZipPlace p = z.get();
                        StandardAddress s = new StandardAddress(null, a.line1().toUpperCase(), p.city() + " " + p.state() + " " + p.zip(),
                                new AddressComponents(null, null, null, null, null, null, null, p.city(), p.state(), p.zip(), null),
                                new AddressMetadata(null, p.countyName(), p.countyFips(), null, p.latitude(), p.longitude(), "Zip5",
                                        p.timeZone(), -6.0, true), new AddressAnalysis(null, null, null, null, null, false),
                                AddressSource.OFFLINE, NOW);
                        return Optional.of(new ContactAddress(c.id(), a, s, "test"));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ZipDirectory zips() {
        return new ZipDirectory() {
            public Optional<ZipPlace> zip(String zip) {
                return ZIPS.stream().filter(p -> p.zip().equals(zip)).findFirst();
            }

            public String stateOf(String zip) {
                return zip(zip).map(ZipPlace::state).orElse(null);
            }

            public Optional<java.time.ZoneId> timeZone(String state, String zip) {
                return Optional.empty();
            }

            public List<ZipPlace> suggest(String prefix, String state, int max) {
                return List.of();
            }

            public List<ZipPlace> near(double lat, double lng, double miles, int max) {
                GeoPoint at = new GeoPoint(lat, lng, "Zip5", "t");
                return ZIPS.stream().filter(p -> at.milesTo(new GeoPoint(p.latitude(), p.longitude(), "Zip5", "t")) <= miles).limit(max).toList();
            }

            public ZipDataStatus status() {
                return new ZipDataStatus(ZIPS.size(), "test", NOW, false, "3 ZIPs");
            }
        };
    }
}
