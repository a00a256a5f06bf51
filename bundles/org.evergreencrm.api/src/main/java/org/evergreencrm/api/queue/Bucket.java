package org.evergreencrm.api.queue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A stored bucket with every default filled in; {@code transitions} has one entry per {@link CallOutcome}. */
public record Bucket(long id, String name, int weight, QueueOrder order, int maxAttempts, int maxTotalAttempts,
        ActiveHours hours, List<Transition> transitions, String exhaustedBucket, Set<Long> teamIds, long version,
        Instant createdAt, Instant updatedAt) {
    public Transition transitionFor(CallOutcome outcome) {
        return transitions.stream().filter(t -> t.outcome() == outcome).findFirst()
                .orElseThrow(() -> new IllegalStateException("bucket " + name + " has no transition for " + outcome));
    }
}
