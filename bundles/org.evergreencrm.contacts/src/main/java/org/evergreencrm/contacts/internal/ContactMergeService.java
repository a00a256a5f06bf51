package org.evergreencrm.contacts.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactEvents;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.dedup.DuplicateDetector;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.dedup.MergeParticipant;
import org.evergreencrm.api.dedup.MergeRecord;
import org.evergreencrm.api.dedup.MergeService;
import org.evergreencrm.api.dedup.PersonRecords;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.store.DedupRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Merges contacts atomically with a full audit, and undoes merges from that audit. */
@Component(service = MergeService.class, configurationPid = "org.evergreencrm.merge")
@Designate(ocd = ContactMergeService.Config.class)
public final class ContactMergeService implements MergeService {

    @ObjectClassDefinition(name = "Evergreen merge survivorship", description = "Which side wins each single-valued field when contacts merge")
    public @interface Config {
        @AttributeDefinition(description = "Rule for fields without their own: MOST_RECENT, MOST_COMPLETE, SOURCE_PRIORITY or SURVIVOR")
        String defaultRule() default "MOST_RECENT";

        @AttributeDefinition(description = "Per-field rules, comma-separated field=RULE; fields: firstName, lastName, householdName, address, source, ownerId, status")
        String fieldRules() default "";

        @AttributeDefinition(description = "Lead sources, comma-separated, most trusted first, for SOURCE_PRIORITY")
        String sourcePriority() default "";
    }

    private final SurvivorshipRules rules;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContactService contacts;
    private final DedupRepository dedup;
    private final Clock clock = Clock.systemUTC();
    private final ContactEventPublisher publisher;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ContactMergeService.class);
    private final List<MergeParticipant> participants = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DuplicateDetector detector;

    @Activate
    public ContactMergeService(@Reference ContactService contacts, @Reference DedupRepository dedup,
            @Reference EventAdmin events, Config config) {
        this.rules = SurvivorshipRules.parse(config.defaultRule(), list(config.fieldRules()), list(config.sourcePriority()));
        this.contacts = contacts;
        this.dedup = dedup;
        this.publisher = new ContactEventPublisher(events, clock);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addParticipant(MergeParticipant participant) {
        participants.add(participant);
    }

    void removeParticipant(MergeParticipant participant) {
        participants.remove(participant);
    }

    @Override
    public MergeRecord merge(Actor actor, long survivorId, long loserId, Double probability) {
        if (survivorId == loserId) {
            throw new ValidationException("loserId", "a contact cannot be merged into itself");
        }
        requireManagerOrAdmin(actor);
        Contact survivor = contacts.getForChange(actor, survivorId);
        Contact loser = contacts.getForChange(actor, loserId);
        Survivorship.Result merged = Survivorship.merge(survivor, loser, rules);
        Map<String, Object> sources = new HashMap<>(merged.sources());
        MergeRecord audit = new MergeRecord(0, survivorId, loserId, probability, json(Survivorship.draftOf(survivor)),
                json(Survivorship.draftOf(loser)), json(merged.draft()), json(sources), actor.username(), clock.instant(),
                null, null);
        MergeRecord stored = dedup.applyMerge(audit, merged.draft(), keys(merged.draft()), survivor.version(), loser.version());
        for (MergeParticipant p : participants) {
            try {
                p.merged(stored.id(), survivorId, loserId);
            } catch (RuntimeException e) {
                // the contacts are merged (committed); the others still run. Participants are idempotent: re-running
                // the merge's participants (undo + merge) completes it.
                LOG.error("merge {}: {} failed to move its records from {} to {}", stored.id(), p.getClass().getName(),
                        loserId, survivorId, e);
            }
        }
        publisher.post(ContactEvents.UPDATED, actor, contacts.get(Actor.system(), survivorId), survivor);
        publisher.post(ContactEvents.DELETED, actor, loser, null);
        publisher.postMerge(org.evergreencrm.api.dedup.MergeEvents.MERGED, actor, stored.id(), survivorId, loserId);
        return stored;
    }

    @Override
    public Contact undo(Actor actor, long mergeId) {
        requireManagerOrAdmin(actor);
        MergeRecord m = dedup.merge(mergeId).orElseThrow(() -> new NotFoundException("merge", mergeId));
        Contact survivor = contacts.getForChange(actor, m.survivorId());
        ContactDraft survivorBefore = read(m.survivorBefore());
        ContactDraft loserBefore = read(m.loserBefore());
        dedup.applyUndo(mergeId, survivorBefore, keys(survivorBefore), loserBefore, keys(loserBefore), actor.username(),
                clock.instant());
        for (MergeParticipant p : participants) {
            try {
                p.undone(mergeId, m.survivorId(), m.loserId());
            } catch (RuntimeException e) {
                LOG.error("undo of merge {}: {} failed to move its records back", mergeId, p.getClass().getName(), e);
            }
        }
        Contact restored = contacts.get(Actor.system(), m.loserId());
        publisher.post(ContactEvents.UPDATED, actor, contacts.get(Actor.system(), m.survivorId()), survivor);
        publisher.post(ContactEvents.CREATED, actor, restored, null);
        publisher.postMerge(org.evergreencrm.api.dedup.MergeEvents.UNDONE, actor, mergeId, m.survivorId(), m.loserId());
        return restored;
    }

    @Override
    public List<MergeRecord> history(Actor actor, int limit) {
        requireManagerOrAdmin(actor);
        java.util.Set<Long> owners = contacts.visibleOwners(actor);
        if (owners == null) {
            return dedup.merges(limit);
        }
        List<MergeRecord> all = dedup.merges(Math.min(limit * 20, 10_000));
        java.util.Set<Long> live = contacts.readable(actor, all.stream().map(MergeRecord::survivorId).toList());
        return all.stream().filter(m -> live.contains(m.survivorId()) && owners.contains(read(m.loserBefore()).ownerId()))
                .limit(limit).toList();
    }

    @Override
    public List<org.evergreencrm.api.dedup.CandidatePair> pending(Actor actor, int limit) {
        requireManagerOrAdmin(actor);
        if (contacts.visibleOwners(actor) == null) {
            return dedup.pending(limit);
        }
        List<org.evergreencrm.api.dedup.CandidatePair> all = dedup.pending(Math.min(limit * 20, 10_000));
        java.util.Set<Long> ids = new java.util.HashSet<>();
        all.forEach(p -> {
            ids.add(p.contactA());
            ids.add(p.contactB());
        });
        java.util.Set<Long> readable = contacts.readable(actor, ids);
        return all.stream().filter(p -> readable.contains(p.contactA()) && readable.contains(p.contactB())).limit(limit).toList();
    }

    @Override
    public org.evergreencrm.api.dedup.CandidatePair candidate(Actor actor, long pairId) {
        requireManagerOrAdmin(actor);
        org.evergreencrm.api.dedup.CandidatePair pair = dedup.candidate(pairId)
                .orElseThrow(() -> new NotFoundException("candidate pair", pairId));
        contacts.checkRead(actor, pair.contactA());
        contacts.checkRead(actor, pair.contactB());
        return pair;
    }

    @Override
    public org.evergreencrm.api.dedup.CandidatePair reject(Actor actor, long pairId) {
        org.evergreencrm.api.dedup.CandidatePair pair = candidate(actor, pairId);
        dedup.decide(pair.contactA(), pair.contactB(), org.evergreencrm.api.dedup.CandidatePair.REJECTED, actor.username(),
                clock.instant());
        return dedup.candidate(pairId).orElseThrow();
    }

    private static String[] list(String csv) {
        return csv == null || csv.isBlank() ? new String[0] : csv.split("\\s*,\\s*");
    }

    private static void requireManagerOrAdmin(Actor actor) {
        if (actor.role() == org.evergreencrm.api.security.Role.REP) {
            throw new AccessDeniedException("merging contacts needs a manager or an admin");
        }
    }

    private MatchData keys(ContactDraft draft) {
        DuplicateDetector d = detector;
        return d == null ? MatchData.NONE : d.matchData(PersonRecords.of(null, draft));
    }


    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the merge audit: " + e.getOriginalMessage(), e);
        }
    }

    private static ContactDraft read(String json) {
        try {
            return JSON.readValue(json, ContactDraft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the merge audit is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
