package org.evergreencrm.samplemodel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.evergreencrm.api.scoring.ScorePrediction;
import org.junit.jupiter.api.Test;

class ScorecardModelTest {
    private final ScorecardModel model = new ScorecardModel("1.0.0", -2.0, ScorecardModel.points("s", "referral=1.2, Provider=-0.4"),
            ScorecardModel.points("t", "A=0.9,D=-0.7"), -0.15);

    @Test
    void pointsAddUpToTheLogOddsAndAreTheReasons() {
        ScorePrediction p = model.predict(Map.of("source", "Referral", "credit_tier", "A", "distance_mi", 20.0));
        double logit = -2.0 + 1.2 + 0.9 - 0.3;
        assertEquals(1 / (1 + Math.exp(-logit)), p.probability(), 1e-12);
        assertEquals("source", p.reasons().get(0).feature(), "largest effect first: " + p.reasons());
        assertEquals(-0.3, p.reasons().get(2).effect(), 1e-12);
        assertEquals("20.0", p.reasons().get(2).value());
    }

    @Test
    void missingFeaturesAddNothingAndSayMissing() {
        ScorePrediction p = model.predict(Map.of("distance_mi", "n/a"));
        assertEquals(1 / (1 + Math.exp(2.0)), p.probability(), 1e-12);
        assertTrue(p.reasons().stream().allMatch(r -> r.value().equals("missing") && r.effect() == 0), p.reasons().toString());
        assertEquals(0.0, model.predict(Map.of("source", "door-knock")).reasons().stream()
                .filter(r -> r.feature().equals("source")).findFirst().orElseThrow().effect(), "an unlisted source gets 0 points");
        assertTrue(model.predict(Map.of("distance_mi", 400)).probability() > model.predict(Map.of("distance_mi", 0)).probability() - 0.2,
                "the distance is capped at 100 miles");
    }

    @Test
    void theVersionNamesThePointsAndBadPointsAreRefusedByName() {
        ScorecardModel other = new ScorecardModel("1.0.0", -1.5, Map.of(), Map.of(), -0.15);
        assertNotEquals(model.version(), other.version());
        assertTrue(model.version().startsWith("1.0.0+points."), model.version());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScorecardModel.points("sourcePoints", "referral:1"));
        assertTrue(e.getMessage().startsWith("sourcePoints: 'referral:1'"), e.getMessage());
    }
}
