package org.evergreencrm.queue.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.evergreencrm.queue", name = "Evergreen call queue",
        description = "How contacts are claimed from the buckets (etc/org.evergreencrm.queue.cfg)")
public @interface QueueConfig {
    @AttributeDefinition(description = "Minutes a claimed contact stays with the rep before it returns to the queue")
    int leaseMinutes() default 10;

    @AttributeDefinition(description = "Mix across buckets by weight: EVEN (interleaved) or RANDOM")
    String mix() default "EVEN";

    @AttributeDefinition(description = "Due entries locked and checked per claim try (1 leaves the most work to concurrent claimers)")
    int claimBatch() default 1;

    @AttributeDefinition(description = "Tries per bucket (each parks the entries compliance refuses) before falling through to the next bucket")
    int triesPerBucket() default 20;

    @AttributeDefinition(description = "Hours before an entry blocked by a do-not-call record is checked again")
    int recheckHours() default 24;

    @AttributeDefinition(description = "Seconds between sweeps returning expired leases to the queue")
    int sweepSeconds() default 30;
}
