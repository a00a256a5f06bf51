package org.evergreencrm.scoring.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.scoring.ScorePrediction;
import org.evergreencrm.api.scoring.ScoreReason;
import org.evergreencrm.scoring.internal.data.FeatureSpec;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

/**
 * A learner's model with what scoring needs around it: the features and their types (to encode a lead the way the
 * training rows were), the values that mean "missing", the isotonic calibration and the A–D cut points.
 */
public final class TrainedModel {
    private final String algorithm;
    private final Model<Label> model;
    private final List<String> features;
    private final Map<String, FeatureSpec.Type> types;
    private final Set<String> missing;
    private final Isotonic calibration;
    private final List<Double> cuts;
    private final Map<String, Double> means;

    TrainedModel(String algorithm, Model<Label> model, List<String> features, Map<String, FeatureSpec.Type> types, Set<String> missing,
            Isotonic calibration, List<Double> cuts, Map<String, Double> means) {
        this.algorithm = algorithm;
        this.model = model;
        this.features = List.copyOf(features);
        this.types = Map.copyOf(types);
        this.missing = Set.copyOf(missing);
        this.calibration = calibration;
        this.cuts = List.copyOf(cuts);
        this.means = Map.copyOf(means);
    }

    public String algorithm() {
        return algorithm;
    }

    public List<String> features() {
        return features;
    }

    public Map<String, FeatureSpec.Type> types() {
        return types;
    }

    public Set<String> missing() {
        return missing;
    }

    public Isotonic calibration() {
        return calibration;
    }

    public List<Double> cuts() {
        return cuts;
    }

    /** Each encoded feature's mean over the training rows (what the logistic model's reasons are measured from). */
    public Map<String, Double> means() {
        return means;
    }

    TrainedModel withCuts(List<Double> c) {
        return new TrainedModel(algorithm, model, features, types, missing, calibration, c, means);
    }

    /** The Tribuo model as its protobuf form (Tribuo's own format: stored in the registry). */
    public byte[] modelBytes() {
        return model.serialize().toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static TrainedModel restore(String algorithm, byte[] modelBytes, List<String> features, Map<String, FeatureSpec.Type> types,
            Set<String> missing, Isotonic calibration, List<Double> cuts, Map<String, Double> means) throws java.io.IOException {
        Model<?> m = Model.deserialize(ModelProto.parseFrom(modelBytes));
        if (!m.validate(Label.class)) {
            throw new java.io.IOException("not a classification model");
        }
        return new TrainedModel(algorithm, (Model<Label>) m, features, types, missing, calibration, cuts, means);
    }

    /** The learner's own probability of a sale, before calibration. */
    double raw(Map<String, Double> encoded) {
        return Trainer.probability(model, example(encoded));
    }

    /** The calibrated probability alone (the fast path). */
    public double probability(Map<String, Object> values) {
        return calibration.apply(raw(Encoder.encode(features, types, missing, values)));
    }

    /** The calibrated probability and the reasons per feature (summed over a feature's encoded parts), largest first. */
    public ScorePrediction predict(Map<String, Object> values) {
        Map<String, Double> encoded = Encoder.encode(features, types, missing, values);
        double p = calibration.apply(raw(encoded));
        Map<String, Double> byFeature = new LinkedHashMap<>();
        try {
            Explainer.effects(model, encoded, means)
                    .forEach((name, e) -> byFeature.merge(Encoder.featureOf(name, features), e, Double::sum));
        } catch (Exception e) {
            throw new IllegalStateException("could not explain the score: " + e.getMessage(), e);
        }
        List<ScoreReason> reasons = new ArrayList<>();
        byFeature.forEach((f, e) -> reasons.add(new ScoreReason(f, shown(values.get(f), encoded, f), round(e))));
        reasons.sort(Comparator.comparingDouble((ScoreReason r) -> Math.abs(r.effect())).reversed());
        return new ScorePrediction(p, reasons);
    }

    /** A (most promising quarter of the held-out leads) … D (least). */
    public String priority(double p) {
        if (cuts.size() < 3) {
            return null;
        }
        return p >= cuts.get(2) ? "A" : p >= cuts.get(1) ? "B" : p >= cuts.get(0) ? "C" : "D";
    }

    private static String shown(Object v, Map<String, Double> encoded, String f) {
        return encoded.containsKey(f + ":missing") || v == null ? "missing" : v.toString();
    }

    private static double round(double d) {
        return Math.round(d * 10_000) / 10_000.0;
    }

    private static Example<Label> example(Map<String, Double> encoded) {
        return new ArrayExample<>(new Label(Trainer.YES), Encoder.names(encoded), Encoder.values(encoded));
    }
}
