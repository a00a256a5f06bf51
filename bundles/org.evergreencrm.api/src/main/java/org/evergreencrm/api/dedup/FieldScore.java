package org.evergreencrm.api.dedup;

/**
 * How one field compared and what it contributed.
 *
 * @param field e.g. {@code familyName}, {@code phone}
 * @param level {@code exact}, {@code close}, {@code different}, or {@code missing} (no evidence either way)
 * @param weight log2(m/u) added to the match weight (0 when missing)
 * @param left the normalized value on one side
 * @param right the normalized value on the other side
 */
public record FieldScore(String field, String level, double weight, String left, String right) {
}
