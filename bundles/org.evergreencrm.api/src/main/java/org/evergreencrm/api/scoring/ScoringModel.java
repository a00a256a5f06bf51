package org.evergreencrm.api.scoring;

import java.util.Map;
import java.util.Set;

/**
 * SPI: a model that gives a lead's chance of a sale from the features known when the lead comes in. Register it as an
 * OSGi service; the highest {@code service.ranking} wins over the registry's trained model, and when it goes away the
 * next one (or the registry's active model) takes over. The feature names a lead offers are listed in
 * docs/scoring.md ({@code source}, {@code product}, {@code state}, {@code zip3}, {@code distance_mi},
 * {@code credit_tier}, {@code received_at}, {@code prior_contacts}, {@code campaign}, the lead's own fields and the
 * contact's enrichment values); a feature the lead lacks is absent from the map, never a made-up default.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ScoringModel {
    /** Shown with every score, e.g. {@code acme-solar-model}. */
    String name();

    /** Shown with every score so a score can be traced to what produced it. */
    String version();

    /** The features this model reads (for the model page and the leakage check of the plugin's author). */
    Set<String> features();

    /**
     * The probability (0–1) and the reasons, largest effect first. Values are {@link String}, {@link Double},
     * {@link Boolean} or {@link java.time.LocalDateTime}.
     */
    ScorePrediction predict(Map<String, Object> features);
}
