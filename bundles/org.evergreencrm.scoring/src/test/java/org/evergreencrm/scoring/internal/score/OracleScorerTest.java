package org.evergreencrm.scoring.internal.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.lead.LeadProfile;
import org.evergreencrm.api.lead.LeadScore;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.api.scoring.ScorePrediction;
import org.evergreencrm.api.scoring.ScoreReason;
import org.evergreencrm.api.scoring.ScoringModel;
import org.evergreencrm.scoring.internal.data.Mapping;
import org.evergreencrm.scoring.internal.data.SyntheticOutcomes;
import org.evergreencrm.scoring.internal.data.TrainingSet;
import org.evergreencrm.scoring.internal.model.Trainer;
import org.evergreencrm.scoring.internal.registry.Registry;
import org.evergreencrm.scoring.internal.registry.RegistryAccess;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry and the intake's scorer on H2 and PostgreSQL: a trained model stored, restored and scoring a lead as
 * the intake hands it over (fields as sent, an address, no location), promote and rollback, a plugin model taking over
 * and giving way again.
 */
class OracleScorerTest {
    private static final String MAPPING = "outcome: sold\npositive: [yes]\nfeatures:\n  source: categorical\n  credit_tier: categorical\n"
            + "  distance_mi: numeric\n  prior_contacts: numeric\n  product: categorical\n  state: categorical\n"
            + "drop: [lead_id, received_at, campaign, call_duration]\n";

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    private static LeadProfile lead(String source, Map<String, String> fields, String state) {
        ContactDraft c = new ContactDraft(ContactKind.PERSON, "Ana", "Lima", null, List.of(), List.of(),
                new PostalAddress("1 Main St", null, "Tampa", state, "33602-1234", "US"), source, null, null, Set.of(), Map.of());
        return new LeadProfile(source, fields, c, null, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storedModelsScoreLeadsWithPriorityAndReasons(TestDatabases.Db db) throws Exception {
        Registry registry = RegistryAccess.registry(TestDatabases.migrated(db.dataSource()));
        OracleScorer scorer = new OracleScorer(registry);
        assertTrue(scorer.explain(lead("referral", Map.of(), "FL")).isEmpty(), "no model yet: unscored, not a made-up score");

        Mapping m = Mapping.read(new ByteArrayInputStream(MAPPING.getBytes(StandardCharsets.UTF_8)));
        TrainingSet set = TrainingSet.read(new StringReader(SyntheticOutcomes.csv(4_000, 13)), m);
        ModelVersion first = registry.save("history-2024", Trainer.train(set, 1), set, "ada", "history.csv (4000 rows)");
        assertEquals("ACTIVE", first.state(), "the first model scores at once");
        assertEquals("ada", first.trainedBy());
        assertTrue(first.kept().auc() > 0.7, first.kept().toString());
        assertEquals(List.of("source", "credit_tier", "distance_mi", "prior_contacts", "product", "state"), first.features());

        LeadScore good = scorer.explain(lead("referral", Map.of("creditTier", "A", "prior_contacts", "2", "product", "solar"), "fl")).orElseThrow();
        LeadScore poor = scorer.explain(lead("provider", Map.of("credit_tier", "D", "prior_contacts", "0"), "FL")).orElseThrow();
        assertTrue(good.probability() > poor.probability() + 0.15, good + " vs " + poor);
        assertEquals("A", good.priority());
        assertEquals("history-2024 v" + first.id(), good.model());
        assertTrue(good.reasons().stream().anyMatch(r -> r.feature().equals("credit_tier") && r.value().equals("A") && r.effect() > 0),
                good.reasons().toString());
        assertTrue(good.reasons().stream().anyMatch(r -> r.feature().equals("distance_mi") && r.value().equals("missing")),
                "no location: the distance is missing, not 0: " + good.reasons());

        TrainingSet other = TrainingSet.read(new StringReader(SyntheticOutcomes.csv(3_000, 99)), m);
        ModelVersion second = registry.save("history-2025", Trainer.train(other, 2), other, "bo", "history-2025.csv");
        assertEquals("CANDIDATE", second.state(), "a later model waits to be promoted");
        assertEquals("history-2024 v" + first.id(), scorer.explain(lead("web-form", Map.of(), "FL")).orElseThrow().model());
        registry.promote(second.id());
        assertEquals("history-2025 v" + second.id(), scorer.explain(lead("web-form", Map.of(), "FL")).orElseThrow().model());
        assertEquals("RETIRED", registry.get(first.id()).orElseThrow().state());
        assertEquals(first.id(), registry.rollback().id());
        assertEquals("history-2024 v" + first.id(), scorer.explain(lead("web-form", Map.of(), "FL")).orElseThrow().model());
        assertEquals(2, registry.all().size());
        assertEquals(first.kept(), registry.get(first.id()).orElseThrow().kept(), "metrics survive storage");

        // a plugin model takes over by ranking and gives way when it goes
        ScoringModel plugin = new ScoringModel() {
            public String name() {
                return "acme";
            }

            public String version() {
                return "1.2";
            }

            public Set<String> features() {
                return Set.of("source");
            }

            public ScorePrediction predict(Map<String, Object> f) {
                return new ScorePrediction("referral".equals(f.get("source")) ? 0.9 : 0.1, List.of(new ScoreReason("source", (String) f.get("source"), 2)));
            }
        };
        Map<String, Object> props = Map.of("service.ranking", 100, "service.id", 77L);
        scorer.addModel(plugin, props);
        LeadScore byPlugin = scorer.explain(lead("referral", Map.of(), "FL")).orElseThrow();
        assertEquals(0.9, byPlugin.probability());
        assertEquals("acme 1.2", byPlugin.model());
        assertNull(byPlugin.priority());
        scorer.removeModel(plugin, props);
        assertEquals("history-2024 v" + first.id(), scorer.explain(lead("referral", Map.of(), "FL")).orElseThrow().model());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void nothingToRollBackIsSaid(TestDatabases.Db db) {
        Registry registry = RegistryAccess.registry(TestDatabases.migrated(db.dataSource()));
        ValidationException e = assertThrows(ValidationException.class, registry::rollback);
        assertTrue(e.getMessage().contains("no model is active"), e.getMessage());
        assertFalse(registry.active().isPresent());
    }
}
