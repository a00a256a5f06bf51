package org.evergreencrm.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.scoring.ModelMetrics;
import org.evergreencrm.api.scoring.ScorePrediction;
import org.evergreencrm.api.scoring.ScoreReason;
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
        assertTrue(r.split().contains("75/25"), r.split());
        for (var e : r.metrics().entrySet()) {
            ModelMetrics mt = e.getValue();
            System.out.printf("[scoring] %s: AUC %.3f (ceiling %.3f), log loss %.4f (base rate %.4f), Brier %.4f, lift@10%% %.2f%n",
                    e.getKey(), mt.auc(), ceiling, mt.logLoss(), mt.baseLogLoss(), mt.brier(), mt.liftAt10());
            assertTrue(mt.auc() > ceiling - 0.04, e.getKey() + " AUC " + mt.auc() + " vs the ceiling " + ceiling);
            assertTrue(mt.logLoss() < mt.baseLogLoss(), e.getKey() + " beats the base rate");
            assertTrue(mt.liftAt10() > 1.5, e.getKey() + " lift@10% " + mt.liftAt10());
            assertEquals(1.0, mt.deciles().get(9).cumulativeGain(), 1e-9);
        }
    }

    @Test
    void calibratedScoresAreReliableExplainedAndSurviveStorage() throws Exception {
        Trainer.Result r = Trainer.train(undated(8_000, 5), 7);
        for (String learner : r.models().keySet()) {
            ModelMetrics cal = r.metrics().get(learner);
            // reliability: in every well-filled bin the observed rate is near the mean prediction
            for (ModelMetrics.ReliabilityBin b : cal.reliability()) {
                if (b.rows() >= 100) {
                    double se = Math.sqrt(b.meanPredicted() * (1 - b.meanPredicted()) / b.rows());
                    assertTrue(Math.abs(b.observedRate() - b.meanPredicted()) < 4 * se + 0.02, learner + " bin " + b);
                }
            }
            assertTrue(cal.brier() <= r.uncalibrated().get(learner).brier() + 0.002, learner + " calibration does not make Brier worse");
            assertEquals(3, cal.priorityCuts().size());
            assertTrue(cal.priorityCuts().get(0) <= cal.priorityCuts().get(1) && cal.priorityCuts().get(1) <= cal.priorityCuts().get(2));

            TrainedModel model = r.models().get(learner);
            Map<String, Object> good = Map.of("source", "referral", "credit_tier", "A", "distance_mi", "2.5", "prior_contacts", 2,
                    "product", "solar", "state", "FL");
            Map<String, Object> poor = Map.of("source", "provider", "credit_tier", "D", "distance_mi", 60.0, "prior_contacts", "0",
                    "product", "solar", "state", "FL");
            ScorePrediction g = model.predict(good);
            ScorePrediction p = model.predict(poor);
            assertTrue(g.probability() > p.probability() + 0.2, learner + ": " + g.probability() + " vs " + p.probability());
            assertEquals("A", model.priority(g.probability()), learner);
            assertEquals("D", model.priority(p.probability()), learner);
            assertEquals(g.probability(), model.probability(good), 1e-12, "the fast path gives the same number");
            // the reasons: the strongest true signals come first, in the right direction, and add up to the raw log-odds
            ScoreReason top = g.reasons().get(0);
            assertTrue(List.of("source", "credit_tier").contains(top.feature()), learner + " " + g.reasons());
            assertTrue(top.effect() > 0, learner + " " + top);
            ScoreReason src = p.reasons().stream().filter(x -> x.feature().equals("source")).findFirst().orElseThrow();
            assertEquals("provider", src.value());
            assertTrue(src.effect() < 0, learner + " provider lowers the chance: " + src);
            Map<String, Object> partial = new java.util.HashMap<>(good);
            partial.remove("credit_tier");
            partial.put("state", "unknown");
            ScorePrediction q = model.predict(partial);
            assertTrue(q.reasons().stream().anyMatch(x -> x.feature().equals("credit_tier") && x.value().equals("missing")), q.reasons().toString());

            // stored as Tribuo's protobuf and restored: the same answers
            TrainedModel back = TrainedModel.restore(learner, model.modelBytes(), model.features(), model.types(), model.missing(),
                    model.calibration(), model.cuts(), model.means());
            assertEquals(g.probability(), back.predict(good).probability(), 1e-9);
            assertEquals(g.reasons(), back.predict(good).reasons());
        }
    }

    @Test
    void reasonsAddUpToTheModelsOwnLogOdds() throws Exception {
        Trainer.Result r = Trainer.train(undated(3_000, 9), 3);
        TrainedModel trees = r.models().get("gradient-boosted-trees");
        // bias aside, the per-feature effects of two leads differ exactly as their raw log-odds do
        Map<String, Object> a = Map.of("source", "referral", "credit_tier", "B", "distance_mi", 10.0, "prior_contacts", 1.0, "product", "hvac", "state", "TX");
        Map<String, Object> b = Map.of("source", "web-form", "credit_tier", "unknown", "distance_mi", 30.0, "prior_contacts", 0.0, "product", "roofing", "state", "AZ");
        double la = logit(trees.raw(Encoder.encode(trees.features(), trees.types(), trees.missing(), a)));
        double lb = logit(trees.raw(Encoder.encode(trees.features(), trees.types(), trees.missing(), b)));
        double ea = trees.predict(a).reasons().stream().mapToDouble(ScoreReason::effect).sum();
        double eb = trees.predict(b).reasons().stream().mapToDouble(ScoreReason::effect).sum();
        assertEquals(la - lb, ea - eb, 0.01, "TreeSHAP effects are consistent with the prediction");
    }

    /** Generated rows without their date (a stratified split), the leaking and the noise columns dropped. */
    private static TrainingSet undated(int n, long seed) throws Exception {
        Mapping m = Mapping.read(new ByteArrayInputStream((MAPPING + "drop: [lead_id, received_at, campaign, call_duration]\n")
                .getBytes(StandardCharsets.UTF_8)));
        return TrainingSet.read(new StringReader(SyntheticOutcomes.csv(n, seed)), m);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
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
