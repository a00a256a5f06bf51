package org.evergreencrm.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.scoring.ModelMetrics;
import org.junit.jupiter.api.Test;

class MetricsTest {
    /**
     * Found on the console: a model with two yes/no features gives few distinct scores, and a decile boundary through a
     * tie was filled with whichever rows came first — positives first — so the top decile showed 100% and lift 3.57
     * where the model could only promise the tie group's 58.6%.
     */
    @Test
    void tiedScoresShareTheirPositivesAcrossDecileBoundaries() {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            scored.add(new double[] {0.6, i < 180 ? 1 : 0}); // one tie group of 300, positives first: 60%
        }
        for (int i = 0; i < 700; i++) {
            scored.add(new double[] {0.1, i < 70 ? 1 : 0}); // 10%
        }
        ModelMetrics m = Metrics.of(scored);
        double base = 250 / 1000.0;
        for (int d = 0; d < 3; d++) {
            assertEquals(0.6, m.deciles().get(d).rate(), 1e-9, "decile " + (d + 1) + ": " + m.deciles().get(d));
        }
        assertEquals(0.6 / base, m.liftAt10(), 1e-9);
        assertEquals(0.1, m.deciles().get(9).rate(), 1e-9);
        assertEquals(1.0, m.deciles().get(9).cumulativeGain(), 1e-9);
        assertEquals(60, m.deciles().get(0).positives());
        assertEquals((180 * 630 + 0.5 * (180 * 120 + 70 * 630)) / (250.0 * 750), m.auc(), 1e-9, "ties count half in the AUC too");
    }

    @Test
    void distinctScoresAreCountedAsTheyAre() {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            scored.add(new double[] {1 - i / 100.0, i < 10 ? 1 : 0});
        }
        ModelMetrics m = Metrics.of(scored);
        assertEquals(1.0, m.deciles().get(0).rate(), 1e-9);
        assertEquals(10.0, m.liftAt10(), 1e-9);
        assertEquals(1.0, m.auc(), 1e-9);
    }
}
