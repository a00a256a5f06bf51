package org.evergreencrm.scoring.internal.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
 * time-ordered when the rows have a date (the newest quarter held out), else stratified random with a fixed seed.
 * Uncalibrated yet (calibration is the next step: docs/scoring.md).
 */
public final class Trainer {
    static final String YES = "yes";
    static final String NO = "no";
    private static final LabelFactory LABELS = new LabelFactory();

    /** What a training run gives: how the split was made and each learner's held-out metrics. */
    public record Result(String split, long trainRows, long testRows, Map<String, Metrics> metrics, Map<String, Model<Label>> models) {
    }

    private Trainer() {
    }

    public static Result train(TrainingSet set, long seed) {
        List<TrainingSet.Row> train = new ArrayList<>();
        List<TrainingSet.Row> test = new ArrayList<>();
        String split = split(set.rows(), seed, train, test);
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("training csv", LABELS), LABELS);
        for (TrainingSet.Row r : train) {
            data.add(example(set, r));
        }
        Map<String, Model<Label>> models = new java.util.LinkedHashMap<>();
        models.put("logistic-l2", new LibLinearClassificationTrainer(new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR),
                1.0, 1000, 0.01, seed).train(data));
        models.put("gradient-boosted-trees", new XGBoostClassificationTrainer(200, 0.1, 0.0, 4, 1.0, 0.8, 0.8, 1.0, 0.0, 1, true, seed)
                .train(data));
        Map<String, Metrics> metrics = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Model<Label>> m : models.entrySet()) {
            List<double[]> scored = new ArrayList<>();
            for (TrainingSet.Row r : test) {
                scored.add(new double[] {probability(m.getValue(), example(set, r)), r.label() ? 1 : 0});
            }
            metrics.put(m.getKey(), Metrics.of(scored));
        }
        return new Result(split, train.size(), test.size(), metrics, models);
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
        if (rows.stream().allMatch(r -> r.date() != null)) {
            List<TrainingSet.Row> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing(TrainingSet.Row::date));
            int cut = (int) Math.round(sorted.size() * 0.75);
            train.addAll(sorted.subList(0, cut));
            test.addAll(sorted.subList(cut, sorted.size()));
            return "time-ordered: trained on rows up to " + sorted.get(cut - 1).date().toLocalDate() + ", tested on the " + test.size()
                    + " newer ones";
        }
        Random random = new Random(seed);
        for (boolean label : new boolean[] {true, false}) {
            List<TrainingSet.Row> group = new ArrayList<>(rows.stream().filter(r -> r.label() == label).toList());
            Collections.shuffle(group, random);
            int cut = (int) Math.round(group.size() * 0.75);
            train.addAll(group.subList(0, cut));
            test.addAll(group.subList(cut, group.size()));
        }
        return "stratified random 75/25 with seed " + seed + " (no date column)";
    }
}
