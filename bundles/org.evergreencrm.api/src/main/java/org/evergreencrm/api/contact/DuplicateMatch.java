package org.evergreencrm.api.contact;

import java.util.List;

import org.evergreencrm.api.dedup.FieldScore;

/**
 * An existing contact that looks like the one being written.
 *
 * @param contactId the existing contact
 * @param probability match probability
 * @param decision {@code AUTO_MERGE} (above the high threshold) or {@code REVIEW}
 * @param fields field-by-field explanation; empty when the caller may not see that contact
 */
public record DuplicateMatch(long contactId, double probability, String decision, List<FieldScore> fields) {
}
