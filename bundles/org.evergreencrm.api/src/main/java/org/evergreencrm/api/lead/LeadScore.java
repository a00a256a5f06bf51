package org.evergreencrm.api.lead;

import java.util.List;

import org.evergreencrm.api.scoring.ScoreReason;

/**
 * A lead's score as stored: the calibrated chance of a sale, its A–D priority (A the most promising quarter), the
 * model that gave it ("name version") and the reasons, largest effect first.
 */
public record LeadScore(double probability, String priority, String model, List<ScoreReason> reasons) {
    public LeadScore {
        reasons = List.copyOf(reasons);
    }
}
