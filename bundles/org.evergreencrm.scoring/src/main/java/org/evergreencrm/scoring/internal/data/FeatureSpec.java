package org.evergreencrm.scoring.internal.data;

/**
 * One mapped column: its type and when its value is known. {@code afterOutcome}: known only once the outcome is
 * (call duration, final stage) — training refuses such a feature.
 */
public record FeatureSpec(String column, Type type, boolean afterOutcome) {
    public enum Type { NUMERIC, CATEGORICAL, DATE, BOOLEAN }
}
