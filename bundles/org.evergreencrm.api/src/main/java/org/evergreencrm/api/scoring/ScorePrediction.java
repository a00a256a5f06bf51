package org.evergreencrm.api.scoring;

import java.util.List;

/** A model's answer for one lead: the calibrated probability of a sale and what moved it, largest effect first. */
public record ScorePrediction(double probability, List<ScoreReason> reasons) {
    public ScorePrediction {
        reasons = List.copyOf(reasons);
    }
}
