package org.evergreencrm.scoring.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

import com.oracle.labs.mlrg.olcut.util.Pair;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;

/**
 * Why a model gave a lead its score, per encoded feature, in log-odds of a sale (raw model scale, before calibration):
 * for gradient-boosted trees XGBoost's own per-feature contributions (TreeSHAP, {@code predictContrib}); for the
 * logistic model Tribuo's excuse (weight × value). Both sum, with the bias, to the model's raw log-odds.
 */
final class Explainer {
    private Explainer() {
    }

    /**
     * Encoded feature → effect on the log-odds of {@code yes}, against the average training lead: for the logistic
     * model Δweight × (value − the training mean), so a category every lead has one of is not credited with the
     * intercept; for the trees TreeSHAP, which is relative to the average prediction already.
     */
    static Map<String, Double> effects(Model<Label> model, Map<String, Double> encoded, Map<String, Double> means) throws Exception {
        if (model instanceof XGBoostModel<Label> trees) {
            return trees(trees, encoded);
        }
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(-1);
        Map<String, Double> yes = sums(top.get(Trainer.YES));
        Map<String, Double> no = sums(top.get(Trainer.NO));
        Map<String, Double> out = new LinkedHashMap<>();
        java.util.Set<String> all = new java.util.LinkedHashSet<>(yes.keySet());
        all.addAll(no.keySet());
        for (String f : all) {
            if (f.equals("BIAS")) {
                continue;
            }
            double w = yes.getOrDefault(f, 0.0) - no.getOrDefault(f, 0.0);
            double e = w * (encoded.getOrDefault(f, 0.0) - means.getOrDefault(f, 0.0));
            if (e != 0) {
                out.put(f, e);
            }
        }
        return out;
    }

    private static Map<String, Double> sums(List<Pair<String, Double>> weights) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (weights != null) {
            for (Pair<String, Double> p : weights) {
                out.merge(p.getA(), p.getB(), Double::sum);
            }
        }
        return out;
    }

    private static Map<String, Double> trees(XGBoostModel<Label> model, Map<String, Double> encoded) throws Exception {
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        List<int[]> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Double> e : encoded.entrySet()) {
            int id = fmap.getID(e.getKey());
            if (id >= 0) {
                ids.add(new int[] {id, names.size()});
                names.add(e.getKey());
            }
        }
        ids.sort(java.util.Comparator.comparingInt(a -> a[0]));
        int[] cols = new int[ids.size()];
        float[] data = new float[ids.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = ids.get(i)[0];
            data[i] = encoded.get(names.get(ids.get(i)[1])).floatValue();
        }
        int n = fmap.size();
        DMatrix m = new DMatrix(new long[] {0, cols.length}, cols, data, DMatrix.SparseType.CSR, n);
        try {
            Booster booster = model.getInnerModels().get(0);
            float[] row = booster.predictContrib(m, 0)[0];
            int yes = model.getOutputIDInfo().getID(new Label(Trainer.YES));
            int no = model.getOutputIDInfo().getID(new Label(Trainer.NO));
            Map<String, Double> out = new LinkedHashMap<>();
            for (int id = 0; id < n; id++) { // absent one-hot columns too: the trees' "missing" branch is part of the answer
                double e = row.length == 2 * (n + 1)
                        ? row[yes * (n + 1) + id] - row[no * (n + 1) + id] // one output per class (softprob)
                        : (yes == 1 ? 1 : -1) * row[id]; // one logistic output
                if (e != 0) {
                    out.put(fmap.get(id).getName(), e);
                }
            }
            return out;
        } finally {
            m.dispose();
        }
    }
}
