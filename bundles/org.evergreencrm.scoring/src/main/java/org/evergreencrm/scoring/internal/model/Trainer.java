package org.evergreencrm.scoring.internal.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.evergreencrm.api.scoring.ModelMetrics;
import org.evergreencrm.scoring.internal.data.Mapping;
import org.evergreencrm.scoring.internal.data.TrainingSet;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the two built-in learners on a {@link TrainingSet} and measures them on held-out rows: an L2-regularized
 * logistic regression (liblinear through Tribuo) and gradient-boosted trees (XGBoost through Tribuo). The split is
 * time-ordered when the rows have a date (the newest quarter held out), else stratified random with a fixed seed. Each
 * learner is fitted on the older 80% of the training rows and calibrated (isotonic) on the newest 20% of them (a
 * stratified 20% without a date), so the held-out quarter measures the calibrated probabilities it would give leads.
 */
public final class Trainer {
    static final String YES = "yes";
    static final String NO = "no";
    private static final LabelFactory LABELS = new LabelFactory();

    /** Told each step with how far along the run is (0–100). */
    public interface Progress {
        void step(String step, int percent);
    }

    /**
     * What a training run gives: how the split was made, each learner's held-out metrics (calibrated), the held-out
     * metrics before calibration, the models and the learner kept (highest held-out AUC; lower log loss on a tie).
     */
    public record Result(String split, long trainRows, long testRows, Map<String, ModelMetrics> metrics, Map<String, ModelMetrics> uncalibrated,
            Map<String, TrainedModel> models, String best) {
    }

    /** The fewest rows, and of each outcome, a model is trained on: fewer give figures that mean nothing. */
    public static final int MIN_ROWS = 200;
    public static final int MIN_EACH_OUTCOME = 50;

    private Trainer() {
    }

    /** Refuses a set too small to train, calibrate and measure a model on, saying what it has and what is needed. */
    public static void requireEnough(TrainingSet set) {
        long positives = set.rows().stream().filter(TrainingSet.Row::label).count();
        long negatives = set.rows().size() - positives;
        if (set.rows().size() < MIN_ROWS || positives < MIN_EACH_OUTCOME || negatives < MIN_EACH_OUTCOME) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%d usable rows (%d positive, %d negative): training "
                    + "needs at least %d rows with at least %d of each outcome; until then leads go unscored or a plugin model scores them",
                    set.rows().size(), positives, negatives, MIN_ROWS, MIN_EACH_OUTCOME));
        }
    }

    public static Result train(TrainingSet set, long seed) {
        return train(set, Mapping.DEFAULT_MISSING, seed, (step, percent) -> { });
    }

    public static Result train(TrainingSet set, java.util.Set<String> missing, long seed, Progress progress) {
        requireEnough(set);
        List<TrainingSet.Row> train = new ArrayList<>();
        List<TrainingSet.Row> test = new ArrayList<>();
        String split = split(set.rows(), seed, 0.75, train, test);
        List<TrainingSet.Row> fit = new ArrayList<>();
        List<TrainingSet.Row> calibrate = new ArrayList<>();
        split(train, seed + 1, 0.8, fit, calibrate);
        if (test.isEmpty() || calibrate.isEmpty() || fit.stream().noneMatch(TrainingSet.Row::label) || fit.stream().allMatch(TrainingSet.Row::label)) {
            throw new IllegalArgumentException("too few rows to train, calibrate and test: " + set.rows().size()
                    + " rows, both outcomes needed in each part");
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("training csv", LABELS), LABELS);
        Map<String, Double> means = new LinkedHashMap<>();
        for (TrainingSet.Row r : fit) {
            data.add(example(set, r));
            Encoder.encode(set, r).forEach((k, v) -> means.merge(k, v / fit.size(), Double::sum));
        }
        Map<String, Model<Label>> learned = new LinkedHashMap<>();
        progress.step("training logistic-l2 on " + fit.size() + " rows", 20);
        learned.put("logistic-l2", new LibLinearClassificationTrainer(new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR),
                1.0, 1000, 0.01, seed).train(data));
        progress.step("training gradient-boosted-trees on " + fit.size() + " rows", 40);
        learned.put("gradient-boosted-trees", new XGBoostClassificationTrainer(200, 0.1, 0.0, 4, 1.0, 0.8, 0.8, 1.0, 0.0, 1, true, seed)
                .train(data));
        Map<String, ModelMetrics> metrics = new LinkedHashMap<>();
        Map<String, ModelMetrics> uncalibrated = new LinkedHashMap<>();
        Map<String, TrainedModel> models = new LinkedHashMap<>();
        progress.step("calibrating on " + calibrate.size() + " rows and measuring on " + test.size() + " held-out rows", 80);
        for (Map.Entry<String, Model<Label>> m : learned.entrySet()) {
            List<double[]> cal = new ArrayList<>();
            for (TrainingSet.Row r : calibrate) {
                cal.add(new double[] {probability(m.getValue(), example(set, r)), r.label() ? 1 : 0});
            }
            TrainedModel model = new TrainedModel(m.getKey(), m.getValue(), set.features(), set.types(), missing, Isotonic.fit(cal), List.of(), means);
            List<double[]> raw = new ArrayList<>();
            List<double[]> calibrated = new ArrayList<>();
            for (TrainingSet.Row r : test) {
                double p = probability(m.getValue(), example(set, r));
                raw.add(new double[] {p, r.label() ? 1 : 0});
                calibrated.add(new double[] {model.calibration().apply(p), r.label() ? 1 : 0});
            }
            ModelMetrics mt = Metrics.of(calibrated);
            metrics.put(m.getKey(), mt);
            uncalibrated.put(m.getKey(), Metrics.of(raw));
            models.put(m.getKey(), model.withCuts(mt.priorityCuts()));
        }
        String best = metrics.entrySet().stream()
                .max(Comparator.comparingDouble((Map.Entry<String, ModelMetrics> e) -> e.getValue().auc())
                        .thenComparingDouble(e -> -e.getValue().logLoss()))
                .orElseThrow().getKey();
        progress.step("done", 100);
        return new Result(split, train.size(), test.size(), metrics, uncalibrated, models, best);
    }

    /** The model's probability of a positive outcome for one example. */
    static double probability(Model<Label> model, Example<Label> example) {
        Prediction<Label> p = model.predict(example);
        Label yes = p.getOutputScores().get(YES);
        return yes == null ? 0 : yes.getScore();
    }

    static Example<Label> example(TrainingSet set, TrainingSet.Row r) {
        Map<String, Double> v = Encoder.encode(set, r);
        return new ArrayExample<>(new Label(r.label() ? YES : NO), Encoder.names(v), Encoder.values(v));
    }

    static String split(List<TrainingSet.Row> rows, long seed, List<TrainingSet.Row> train, List<TrainingSet.Row> test) {
        return split(rows, seed, 0.75, train, test);
    }

    static String split(List<TrainingSet.Row> rows, long seed, double share, List<TrainingSet.Row> train, List<TrainingSet.Row> test) {
        if (!rows.isEmpty() && rows.stream().allMatch(r -> r.date() != null)) {
            List<TrainingSet.Row> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing(TrainingSet.Row::date));
            int cut = (int) Math.round(sorted.size() * share);
            train.addAll(sorted.subList(0, cut));
            test.addAll(sorted.subList(cut, sorted.size()));
            return "time-ordered: trained on rows up to " + (cut == 0 ? "(none)" : sorted.get(cut - 1).date().toLocalDate())
                    + ", tested on the " + test.size() + " newer ones";
        }
        Random random = new Random(seed);
        for (boolean label : new boolean[] {true, false}) {
            List<TrainingSet.Row> group = new ArrayList<>(rows.stream().filter(r -> r.label() == label).toList());
            Collections.shuffle(group, random);
            int cut = (int) Math.round(group.size() * share);
            train.addAll(group.subList(0, cut));
            test.addAll(group.subList(cut, group.size()));
        }
        return "stratified random " + Math.round(share * 100) + "/" + Math.round((1 - share) * 100) + " with seed " + seed + " (no date column)";
    }
}
