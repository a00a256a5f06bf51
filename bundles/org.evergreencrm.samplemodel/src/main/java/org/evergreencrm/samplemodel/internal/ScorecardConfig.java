package org.evergreencrm.samplemodel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The scorecard's points (PID {@code org.evergreencrm.samplemodel}), in log-odds: a change gives a new model version. */
@ObjectClassDefinition(name = "Evergreen sample scorecard model", description = "A points scorecard a sales manager can read and tune (docs/scoring.md, 'Writing a scoring model')")
public @interface ScorecardConfig {
    @AttributeDefinition(description = "Points every lead starts with (log-odds): -2.0 is a 12% chance of a sale before the other points")
    double intercept() default -2.0;

    @AttributeDefinition(description = "Points per lead source, source=points separated by commas; a source not listed gets 0")
    String sourcePoints() default "referral=1.2,inbound-call=0.8,web-form=0,provider=-0.4";

    @AttributeDefinition(description = "Points per soft-credit tier (the lead's credit_tier field), tier=points separated by commas")
    String creditTierPoints() default "A=0.9,B=0.4,C=0,D=-0.7";

    @AttributeDefinition(description = "Points per 10 miles from the nearest branch (up to 100 miles)")
    double pointsPerTenMiles() default -0.15;

    @AttributeDefinition(description = "Service ranking: above the registry's trained model (which has none) and other plugin models with a lower one")
    int service_ranking() default 100;
}
