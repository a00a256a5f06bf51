package org.evergreencrm.api.queue;

/**
 * How many calls ended one way, per bucket and rep, over a period (for the dashboards).
 *
 * @param bucket the bucket's name ({@code null} when it was deleted)
 * @param username who called
 * @param outcome the outcome, {@code OPEN} for calls without one yet
 * @param calls how many
 */
public record OutcomeCount(String bucket, String username, String outcome, long calls) {
}
