package org.evergreencrm.api.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trained model in the registry: its learner, state ({@code CANDIDATE}, {@code ACTIVE}, {@code RETIRED}), who
 * trained it and when, the window of outcomes it learned from, its features, where its data came from, how the
 * held-out split was made and the held-out metrics of each learner tried ({@code metrics}; {@code algorithm} names
 * the one kept).
 */
public record ModelVersion(long id, String name, String algorithm, String state, String trainedBy, Instant trainedAt,
        String windowFrom, String windowTo, List<String> features, String provenance, String split, long trainRows,
        Map<String, ModelMetrics> metrics, Instant promotedAt) {
    public ModelVersion {
        features = List.copyOf(features);
        metrics = Map.copyOf(metrics);
    }

    /** The held-out metrics of the learner kept. */
    public ModelMetrics kept() {
        return metrics.get(algorithm);
    }
}
