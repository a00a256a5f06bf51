package org.evergreencrm.api.queue;

import java.util.List;
import java.util.Set;

/**
 * A bucket as an admin defines it; {@code null} fields take the defaults (weight 1, SCORE order, 6 attempts in the
 * bucket, 20 overall, every day all day (the legal calling window still applies), retry no-answer/busy/voicemail after 4 h, finish the rest).
 *
 * @param weight the bucket's share in the mix across buckets (shares = weight / sum of weights)
 * @param maxAttempts attempts allowed while in this bucket
 * @param maxTotalAttempts calls allowed over the contact's whole queue life, checked while in this bucket
 * @param exhaustedBucket where a contact goes when a limit is reached; {@code null} = finish as {@code EXHAUSTED}
 * @param teamIds teams whose reps may take contacts from this bucket; empty = everyone
 */
public record BucketDraft(String name, Integer weight, QueueOrder order, Integer maxAttempts,
        Integer maxTotalAttempts, ActiveHours hours, List<Transition> transitions, String exhaustedBucket,
        Set<Long> teamIds) {
}
