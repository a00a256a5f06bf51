package org.evergreencrm.api.dedup;

import java.util.List;

/**
 * A scored candidate pair with its field-by-field explanation.
 *
 * @param leftId id of one record
 * @param rightId id of the other
 * @param probability posterior match probability (Fellegi–Sunter)
 * @param weight total match weight (sum of the field weights plus the prior)
 * @param fields why: one entry per compared field
 */
public record MatchResult(String leftId, String rightId, double probability, double weight, List<FieldScore> fields) {
    public MatchResult {
        fields = List.copyOf(fields);
    }
}
