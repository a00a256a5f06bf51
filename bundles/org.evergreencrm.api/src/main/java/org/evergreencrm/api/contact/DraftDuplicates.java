package org.evergreencrm.api.contact;

import java.util.List;

/**
 * What the duplicate check of a batch found for one of its drafts: likely duplicates among the stored contacts, and
 * the first earlier draft of the same batch that is surely the same person ({@code -1}: none), so a batch that names
 * someone twice creates one contact.
 */
public record DraftDuplicates(List<DuplicateMatch> stored, int sameAsDraft) {
    public DraftDuplicates {
        stored = List.copyOf(stored);
    }
}
