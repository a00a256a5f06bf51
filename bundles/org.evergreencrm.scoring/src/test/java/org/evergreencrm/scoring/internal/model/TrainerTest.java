package org.evergreencrm.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.scoring.internal.data.Mapping;
import org.evergreencrm.scoring.internal.data.SyntheticOutcomes;
import org.evergreencrm.scoring.internal.data.TrainingSet;
import org.junit.jupiter.api.Test;

/**
 * Both learners on synthetic outcomes with a known signal: measured on held-out rows against the ceiling of the
 * generator's own true probabilities on the same rows (the best any model can do) and against the base rate.
 */
class TrainerTest {
    private static final String MAPPING = "outcome: sold\npositive: yes\nfeatures:\n  source: categorical\n  credit_tier: categorical\n"
            + "  distance_mi: numeric\n  prior_contacts: numeric\n  product: categorical\n  state: categorical\n";

    @Test
    void bothLearnersComeCloseToTheTrueSignalOnHeldOutRows() throws Exception {
        String csv = SyntheticOutcomes.csv(8_000, 21);
        Mapping m = Mapping.read(new ByteArrayInputStream((MAPPING + "drop: [lead_id, received_at, campaign, call_duration]\n")
                .getBytes(StandardCharsets.UTF_8)));
        TrainingSet set = TrainingSet.read(new StringReader(csv), m);
        Trainer.Result r = Trainer.train(set, 42);
        assertTrue(r.split().startsWith("stratified random"), r.split());
        assertEquals(8_000, r.trainRows() + r.testRows());

        // the ceiling: the generator's true probabilities on the held-out rows (no hour feature mapped: hour is noise here)
        List<TrainingSet.Row> train = new ArrayList<>();
        List<TrainingSet.Row> test = new ArrayList<>();
        Trainer.split(set.rows(), 42, train, test);
        List<double[]> oracle = new ArrayList<>();
        for (TrainingSet.Row row : test) {
            double p = SyntheticOutcomes.trueProbability((String) row.values().get("source"),
                    row.values().get("credit_tier") == null ? "unknown" : (String) row.values().get("credit_tier"),
                    (Double) row.values().get("distance_mi"), 12, ((Double) row.values().get("prior_contacts")).intValue());
            oracle.add(new double[] {p, row.label() ? 1 : 0});
        }
        double ceiling = Metrics.of(oracle).auc();
        for (var e : r.metrics().entrySet()) {
            Metrics mt = e.getValue();
            System.out.printf("[scoring] %s: AUC %.3f (ceiling %.3f), log loss %.4f (base rate %.4f), Brier %.4f, lift@10%% %.2f%n",
                    e.getKey(), mt.auc(), ceiling, mt.logLoss(), mt.baseLogLoss(), mt.brier(), mt.liftAt10());
            assertTrue(mt.auc() > ceiling - 0.04, e.getKey() + " AUC " + mt.auc() + " vs the ceiling " + ceiling);
            assertTrue(mt.logLoss() < mt.baseLogLoss(), e.getKey() + " beats the base rate");
            assertTrue(mt.liftAt10() > 1.5, e.getKey() + " lift@10% " + mt.liftAt10());
            assertEquals(1.0, mt.deciles().get(9).cumulativeGain(), 1e-9);
        }
    }

    @Test
    void aDateColumnMakesTheSplitTimeOrdered() throws Exception {
        String csv = SyntheticOutcomes.csv(2_000, 3);
        Mapping m = Mapping.read(new ByteArrayInputStream((MAPPING + "date: received_at\ndrop: [lead_id, campaign, call_duration]\n")
                .getBytes(StandardCharsets.UTF_8)));
        Trainer.Result r = Trainer.train(TrainingSet.read(new StringReader(csv), m), 42);
        assertTrue(r.split().startsWith("time-ordered"), r.split());
        assertEquals(500, r.testRows());
    }
}
