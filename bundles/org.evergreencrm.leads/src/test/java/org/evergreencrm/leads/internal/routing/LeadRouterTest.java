package org.evergreencrm.leads.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.LeadProfile;
import org.evergreencrm.api.lead.LeadRoutingStrategy;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.Test;

/** The assignment chain, link by link, on an embedded database for the round-robin turns. */
class LeadRouterTest {
    static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z"); // a Tuesday, 10:00 in New York
    private final DataSource ds = TestDatabases.migrated(TestDatabases.h2().dataSource());
    private final RoutingStore store = new RoutingStore(ds);
    private final Turns turns = new Turns(store, "test-turns");
    private final User rick = rep(1, "rick");
    private final User rita = rep(2, "rita");
    private final User ray = rep(3, "ray");
    private final List<User> reps = List.of(rick, rita, ray);
    private final Map<String, LeadRoutingStrategy> plugins = new HashMap<>();

    static User rep(long id, String name) {
        return new User(id, name, name, null, Role.REP, null, true, Instant.EPOCH, Instant.EPOCH);
    }

    private LeadRouter router(Map<String, Object> config) {
        return new LeadRouter(RoutingConfig.from(config), store, null, ZipCentroids.none(), () -> plugins, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private RoutingBatch batch(Map<Long, RoutingStore.AvailabilityRow> availability, Map<Long, Long> today, Map<Long, Long> open,
            Map<Long, RoutingStore.CloseRate> rates) {
        return new RoutingBatch(NOW, reps, availability, today, open, rates, turns, 10);
    }

    private RoutingBatch plain() {
        return batch(Map.of(), Map.of(), Map.of(), Map.of());
    }

    static RoutingRequest at(String state, String zip, GeoPoint where) {
        ContactDraft d = new ContactDraft(ContactKind.PERSON, "Ann", "Lee", null, List.of(), List.of(),
                new PostalAddress("1 Main St", null, "Town", state, zip, "US"), "test", null, ContactStatus.NEW, Set.of(), Map.of());
        return new RoutingRequest(new LeadProfile("test", Map.of(), d, where, List.of()), null);
    }

    @Test
    void territoryFirstThenRoundRobinAmongItsRepsWithTheTurnInTheDatabase() {
        LeadRouter r = router(Map.of("territory.rick", "FL, 336", "territory.rita", "FL", "territory.ray", "OK"));
        RoutingBatch b = plain();
        LeadRouter.Choice a = r.route(b, at("FL", "33602", null));
        LeadRouter.Choice c = r.route(b, at("FL", "33602", null));
        b.close();
        assertEquals(List.of("rick", "rita"), List.of(a.rep().username(), c.rep().username()));
        assertTrue(a.reason().startsWith("territory FL: rick (state FL), rita (state FL); round-robin: rick is next of 2 (turn 1)"), a.reason());
        assertEquals("ray", r.route(plain(), at("OK", "73101", null)).rep().username());
        RoutingBatch z = plain();
        LeadRouter.Choice zip = r.route(z, at(null, "33612", null));
        assertEquals("rick", zip.rep().username(), "a ZIP prefix covers");
        assertTrue(zip.reason().contains("rick (ZIP 336)"), zip.reason());
        LeadRouter.Choice nowhere = r.route(plain(), at("TX", "75001", null));
        assertTrue(nowhere.reason().startsWith("no territory covers TX; round-robin: "), nowhere.reason());
        assertEquals(3, nowhere.reason().chars().filter(ch -> ch == ';').count() + 2, "no other link spoke: " + nowhere.reason());
    }

    @Test
    void aBranchRadiusCoversLeadsByTheirPoint() {
        GeoPoint orlando = new GeoPoint(28.5383, -81.3792, "ROOFTOP", "test");
        GeoPoint tampa = new GeoPoint(27.9506, -82.4572, "ROOFTOP", "test");
        LeadRouter r = router(Map.of("branch.orlando", "28.5383,-81.3792,30", "branchReps.orlando", "rita, ray"));
        LeadRouter.Choice near = r.route(plain(), at("FL", "32801", new GeoPoint(28.60, -81.30, "ZIP5", "test")));
        assertTrue(near.reason().startsWith("territory FL: rita (6 mi from branch orlando), ray (6 mi from branch orlando)"), near.reason());
        assertTrue(List.of("rita", "ray").contains(near.rep().username()));
        LeadRouter.Choice far = r.route(plain(), at("FL", "33602", tampa));
        assertTrue(far.reason().startsWith("no territory covers FL"), far.reason());
        assertEquals(77.163, orlando.milesTo(tampa), 0.001, "Orlando–Tampa great-circle distance, computed independently");
    }

    @Test
    void capsSkipFullRepsAndLeaveTheLeadForAManagerWhenAllAreFull() {
        LeadRouter r = router(Map.of("dailyCap", "2", "maxOpenLeads", "5"));
        LeadRouter.Choice c = r.route(batch(Map.of(), Map.of(1L, 2L), Map.of(2L, 5L), Map.of()), at("FL", null, null));
        assertEquals("ray", c.rep().username());
        assertTrue(c.reason().startsWith("at a cap: rick has 2 today (cap 2), rita has 5 open (cap 5)"), c.reason());
        LeadRouter.Choice none = r.route(batch(Map.of(), Map.of(1L, 2L, 2L, 2L, 3L, 9L), Map.of(), Map.of()), at("FL", null, null));
        assertNull(none.rep());
        assertTrue(none.reason().startsWith("every candidate is at a cap") && none.reason().endsWith("left unassigned for a manager"),
                none.reason());
        // the batch counts its own assignments: with a cap of 2, six leads go two to each
        RoutingBatch b = plain();
        Map<String, Integer> got = new HashMap<>();
        for (int i = 0; i < 7; i++) {
            LeadRouter.Choice x = r.route(b, at("FL", null, null));
            got.merge(x.rep() == null ? "nobody" : x.rep().username(), 1, Integer::sum);
        }
        assertEquals(Map.of("rick", 2, "rita", 2, "ray", 2, "nobody", 1), got);
    }

    @Test
    void repsOnLeaveNeverGetLeadsAndWorkingHoursAreHonouredWhileSomeoneWorks() {
        LeadRouter r = router(Map.of());
        RoutingStore.AvailabilityRow leave = new RoutingStore.AvailabilityRow(1, null, NOW.minusSeconds(3600), NOW.plusSeconds(86_400), "vacation");
        RoutingStore.AvailabilityRow nights = new RoutingStore.AvailabilityRow(2, "Mon-Fri 20:00-04:00 America/New_York", null, null, null);
        LeadRouter.Choice c = r.route(batch(Map.of(1L, leave, 2L, nights), Map.of(), Map.of(), Map.of()), at("FL", null, null));
        assertEquals("ray", c.rep().username());
        assertTrue(c.reason().startsWith("on leave: rick; outside working hours: rita"), c.reason());
        RoutingStore.AvailabilityRow rayNights = new RoutingStore.AvailabilityRow(3, "Mon-Fri 20:00-04:00 America/New_York", null, null, null);
        LeadRouter.Choice night = r.route(batch(Map.of(1L, leave, 2L, nights, 3L, rayNights), Map.of(), Map.of(), Map.of()), at("FL", null, null));
        assertTrue(night.reason().contains("nobody within working hours now, so all present stay"), night.reason());
        assertTrue(List.of("rita", "ray").contains(night.rep().username()), "never rick, who is on leave");
        Map<Long, RoutingStore.AvailabilityRow> allAway = Map.of(1L, leave, 2L, new RoutingStore.AvailabilityRow(2, null, NOW, null, null),
                3L, new RoutingStore.AvailabilityRow(3, null, null, NOW.plusSeconds(60), "sick"));
        LeadRouter.Choice nobody = r.route(batch(allAway, Map.of(), Map.of(), Map.of()), at("FL", null, null));
        assertNull(nobody.rep());
        assertTrue(nobody.reason().startsWith("every candidate is on leave (rick, rita, ray)"), nobody.reason());
    }

    @Test
    void workloadAndPerformanceNarrowAndRoundRobinBreaksTies() {
        LeadRouter r = router(Map.of("routingChain", "least-loaded, round-robin"));
        LeadRouter.Choice c = r.route(batch(Map.of(), Map.of(), Map.of(1L, 4L, 2L, 1L, 3L, 1L), Map.of()), at("FL", null, null));
        assertTrue(c.reason().startsWith("fewest open leads (1): rita, ray; round-robin"), c.reason());
        LeadRouter p = router(Map.of("routingChain", "performance", "performancePrior", "10", "performanceTolerance", "0.05"));
        // rita 12 of 20 decided became customers; rick 1 of 1 (lucky, shrunk towards the team); ray 2 of 20
        Map<Long, RoutingStore.CloseRate> rates = Map.of(1L, new RoutingStore.CloseRate(1, 1), 2L, new RoutingStore.CloseRate(12, 20),
                3L, new RoutingStore.CloseRate(2, 20));
        LeadRouter.Choice best = p.route(batch(Map.of(), Map.of(), Map.of(), rates), at("FL", null, null));
        assertEquals("rita", best.rep().username());
        assertTrue(best.reason().startsWith("best close rate: rita (rick"), best.reason());
    }

    @Test
    void pluginStrategiesNarrowOnlyAndMissingOrFailingOnesAreSkippedWithAReason() {
        LeadRouter r = router(Map.of("routingChain", "rep-match, no-such-plugin, flaky, round-robin"));
        plugins.put("rep-match", new LeadRoutingStrategy() {
            public String name() {
                return "rep-match";
            }

            public Narrowed narrow(RoutingRequest lead, List<User> candidates) {
                List<User> keep = new ArrayList<>(candidates.stream().filter(u -> !u.username().equals("rick")).toList());
                keep.add(rep(99, "stranger")); // not a candidate: ignored
                return new Narrowed(keep, "rita and ray fit solar best");
            }
        });
        plugins.put("flaky", new LeadRoutingStrategy() {
            public String name() {
                return "flaky";
            }

            public Narrowed narrow(RoutingRequest lead, List<User> candidates) {
                throw new IllegalStateException("model not loaded");
            }
        });
        LeadRouter.Choice c = r.route(plain(), at("FL", null, null));
        assertTrue(List.of("rita", "ray").contains(c.rep().username()));
        assertTrue(c.reason().startsWith("rep-match: rita and ray fit solar best; no-such-plugin is not installed: skipped; "
                + "flaky failed (model not loaded): skipped; round-robin: "), c.reason());
        assertEquals(List.of("owner", "rep-match", "no-such-plugin", "flaky", "round-robin"),
                r.describe().stream().map(org.evergreencrm.api.lead.LeadRouting.Link::name).toList());
        assertEquals(false, r.describe().get(2).installed());
    }

    @Test
    void aRoutingTypoNeverStopsTheIntakeAndIsShown() {
        LeadRouter r = router(Map.of("dailyCap", "forty", "branch.tampa", "27.9,-82.4", "branchReps.orlando", "rita", "territory.ray", "OK"));
        LeadRouter.Choice c = r.route(plain(), at("OK", "73101", null));
        assertEquals("ray", c.rep().username(), "the rest of the configuration applies");
        List<String> problems = r.describe().stream().filter(l -> l.name().equals("configuration")).map(
                org.evergreencrm.api.lead.LeadRouting.Link::rule).toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("dailyCap: not a whole number: forty (0 used)")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("branch.tampa") && p.endsWith("(ignored)")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("branchReps.orlando names no branch.orlando")), problems.toString());
    }

    @Test
    void anSlaReassignmentNeverGoesBackToTheRepWhoLetItWait() {
        LeadRouter r = router(Map.of());
        for (int i = 0; i < 6; i++) {
            assertTrue(r.route(plain(), at("FL", null, null), 2L).rep().id() != 2L);
        }
        assertNull(new LeadRouter(RoutingConfig.from(Map.of()), store, null, ZipCentroids.none(), () -> plugins, Clock.systemUTC())
                .route(new RoutingBatch(NOW, List.of(rita), Map.of(), Map.of(), Map.of(), Map.of(), turns, 1), at("FL", null, null), 2L).rep());
    }
}
