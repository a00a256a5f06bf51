package org.evergreencrm.api.lead;

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
}
