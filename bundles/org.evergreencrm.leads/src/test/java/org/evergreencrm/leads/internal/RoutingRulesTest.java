package org.evergreencrm.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {
    static User rep(long id, String name) {
        return new User(id, name, name, null, Role.REP, null, true, Instant.EPOCH, Instant.EPOCH);
    }

    private final List<User> reps = List.of(rep(1, "rick"), rep(2, "rita"), rep(3, "ray"));
    private final AtomicLong position = new AtomicLong();

    @Test
    void territoryFirstThenRoundRobinAmongItsReps() {
        RoutingRules rules = RoutingRules.from(Map.of("territory.rick", "FL, 336", "territory.rita", "FL", "territory.ray", "OK"));
        RoutingRules.Choice a = rules.choose(reps, "FL", "33602", Map.of(), n -> position.getAndIncrement());
        RoutingRules.Choice b = rules.choose(reps, "FL", "33602", Map.of(), n -> position.getAndIncrement());
        assertEquals(List.of("rick", "rita"), List.of(a.rep().username(), b.rep().username()));
        assertTrue(a.reason().startsWith("territory FL: rick, rita; round-robin"), a.reason());
        assertEquals("ray", rules.choose(reps, "OK", "73101", Map.of(), n -> 0).rep().username());
        assertEquals("rick", rules.choose(reps, null, "33612", Map.of(), n -> 0).rep().username(), "a ZIP prefix covers");
        RoutingRules.Choice nowhere = rules.choose(reps, "TX", "75001", Map.of(), n -> 2);
        assertEquals("ray", nowhere.rep().username());
        assertTrue(nowhere.reason().startsWith("no territory covers TX"), nowhere.reason());
    }

    @Test
    void repsAtTheirDailyCapAreSkippedAndNobodyIsOverloaded() {
        RoutingRules rules = RoutingRules.from(Map.of("dailyCap", "2"));
        RoutingRules.Choice c = rules.choose(reps, "FL", null, Map.of(1L, 2L, 2L, 1L), n -> 0);
        assertEquals("rita", c.rep().username());
        assertTrue(c.reason().contains("1 at the daily cap of 2"), c.reason());
        RoutingRules.Choice none = rules.choose(reps, "FL", null, Map.of(1L, 2L, 2L, 2L, 3L, 5L), n -> 0);
        assertNull(none.rep());
        assertTrue(none.reason().contains("every candidate reached the daily cap"), none.reason());
        assertNull(rules.choose(List.of(), "FL", null, Map.of(), n -> 0).rep());
    }
}
