package org.evergreencrm.api.lead;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * SPI: scores a lead as it comes in (the scoring bundle provides one). The highest-ranked scorer present is used;
 * with none installed the step is skipped. The score (0–1, the chance the lead converts) is stored on the lead and
 * given to the routing strategies.
 */
public interface LeadScorer {
    String name();

    /** Empty when this scorer cannot tell. A scorer that throws is logged and the lead goes on unscored. */
    OptionalDouble score(LeadProfile lead) throws Exception;

    /**
     * The score with its priority, model and reasons, stored on the lead. By default {@link #score} alone: no priority
     * (the lead lists show the probability), this scorer's name as the model and no reasons.
     */
    default Optional<LeadScore> explain(LeadProfile lead) throws Exception {
        OptionalDouble s = score(lead);
        return s.isPresent() ? Optional.of(new LeadScore(s.getAsDouble(), null, name(), List.of())) : Optional.empty();
    }
}
