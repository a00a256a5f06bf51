package org.evergreencrm.contacts.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.DraftDuplicates;
import org.evergreencrm.api.contact.DuplicateMatch;
import org.evergreencrm.api.dedup.DuplicateDetector;
import org.evergreencrm.api.dedup.MatchResult;
import org.evergreencrm.api.dedup.PersonRecord;
import org.evergreencrm.api.dedup.PersonRecords;
import org.evergreencrm.api.store.ContactRepository;
import org.evergreencrm.api.store.MatchCandidate;

/**
 * The duplicate check of a batch of new records: one candidate lookup for all their keys against the stored
 * contacts, and the records of the batch compared with the earlier ones sharing a selective key, so a batch that
 * holds the same person twice is told so.
 */
final class BatchDuplicates {
    /** A key shared by more records of one batch than this is too common to compare on (cf. the store's cap). */
    static final int MAX_BATCH_KEY_SHARE = 10;

    private BatchDuplicates() {
    }

    /**
     * @param clean cleaned drafts
     * @param visible whether the caller may see a contact's details (by owner id)
     */
    static List<DraftDuplicates> find(DuplicateDetector d, ContactRepository repo, List<ContactDraft> clean, int maxCandidates,
            java.util.function.Function<Long, Boolean> visible) {
        List<PersonRecord> persons = new ArrayList<>(clean.size());
        List<Set<String>> keys = new ArrayList<>(clean.size());
        for (int i = 0; i < clean.size(); i++) {
            PersonRecord p = PersonRecords.of("draft:" + i, clean.get(i));
            persons.add(p);
            keys.add(d.matchKeys(p));
        }
        List<List<MatchCandidate>> candidates = repo.findMatchCandidatesAll(keys, maxCandidates);
        Map<String, List<Integer>> earlierByKey = new HashMap<>();
        List<DraftDuplicates> out = new ArrayList<>(clean.size());
        for (int i = 0; i < clean.size(); i++) {
            out.add(new DraftDuplicates(stored(d, persons.get(i), candidates.get(i), visible), sameAsEarlier(d, persons, keys, i, earlierByKey)));
            for (String k : keys.get(i)) {
                earlierByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    private static List<DuplicateMatch> stored(DuplicateDetector d, PersonRecord person, List<MatchCandidate> candidates,
            java.util.function.Function<Long, Boolean> visible) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, MatchCandidate> byId = new HashMap<>();
        List<PersonRecord> records = new ArrayList<>(candidates.size());
        for (MatchCandidate c : candidates) {
            byId.put(Long.toString(c.id()), c);
            records.add(c.person());
        }
        List<DuplicateMatch> result = new ArrayList<>();
        for (MatchResult m : d.matches(person, records)) {
            MatchCandidate existing = byId.get(m.rightId());
            result.add(new DuplicateMatch(existing.id(), Math.round(m.probability() * 10_000) / 10_000.0,
                    m.probability() >= d.autoMergeThreshold() ? "AUTO_MERGE" : "REVIEW",
                    visible.apply(existing.ownerId()) ? m.fields() : List.of()));
        }
        return result;
    }

    /** The earlier draft of the batch this one surely repeats (the most likely), or -1. */
    private static int sameAsEarlier(DuplicateDetector d, List<PersonRecord> persons, List<Set<String>> keys, int i,
            Map<String, List<Integer>> earlierByKey) {
        Set<Integer> earlier = new LinkedHashSet<>();
        for (String k : keys.get(i)) {
            List<Integer> sharers = earlierByKey.get(k);
            if (sharers != null && sharers.size() <= MAX_BATCH_KEY_SHARE) {
                earlier.addAll(sharers);
            }
        }
        if (earlier.isEmpty()) {
            return -1;
        }
        List<PersonRecord> others = earlier.stream().map(persons::get).toList();
        for (MatchResult m : d.matches(persons.get(i), others)) { // most likely first
            if (m.probability() >= d.autoMergeThreshold()) {
                return Integer.parseInt(m.rightId().substring("draft:".length()));
            }
        }
        return -1;
    }
}
