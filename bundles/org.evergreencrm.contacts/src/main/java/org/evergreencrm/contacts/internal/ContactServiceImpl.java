package org.evergreencrm.contacts.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.Page;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactAccessGrant;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactEvents;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.DraftDuplicates;
import org.evergreencrm.api.contact.DuplicateMatch;
import org.evergreencrm.api.dedup.DuplicateDetector;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.dedup.MatchResult;
import org.evergreencrm.api.dedup.PersonRecord;
import org.evergreencrm.api.dedup.PersonRecords;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.store.ContactRepository;
import org.evergreencrm.api.store.MatchCandidate;
import org.evergreencrm.api.store.DedupRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

/** The contact aggregate's rules: clean and validate, check access, store, then announce the change. */
@Component(service = ContactService.class)
public final class ContactServiceImpl implements ContactService {
    /** The stored contacts compared per check: those sharing the most match keys (then the newest). */
    static final int MAX_CANDIDATES = 25;
    /** A search is a few words; more would build a query the database need not see. */
    static final int MAX_QUERY_WORDS = 12;
    static final int MAX_QUERY_CHARS = 200;
    private final ContactRepository repo;
    private final UserService users;
    private final ContactAccess access;
    private final ContactEventPublisher publisher;
    private final Clock clock;

    @Activate
    public ContactServiceImpl(@Reference ContactRepository repo, @Reference UserService users,
            @Reference EventAdmin events) {
        this(repo, users, events, Clock.systemUTC());
    }

    ContactServiceImpl(ContactRepository repo, UserService users, EventAdmin events, Clock clock) {
        this.repo = repo;
        this.users = users;
        this.access = new ContactAccess(users);
        this.clock = clock;
        this.publisher = new ContactEventPublisher(events, clock);
    }

    /** Optional: without a detector contacts are stored unchecked (and get no match keys). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DuplicateDetector detector;

    /** Review decisions: a pair a reviewer rejected is not reported again. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DedupRepository reviews;

    @Override
    public Contact create(Actor actor, ContactDraft draft) {
        ContactDraft clean = withOwner(actor, ContactValidator.clean(draft));
        Contact created = repo.insert(clean, matchKeys(clean), clock.instant());
        publisher.post(ContactEvents.CREATED, actor, created, null);
        return created;
    }

    @Override
    public List<Contact> createAll(Actor actor, List<ContactDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Map<Long, User> owners = new HashMap<>();
        List<ContactDraft> clean = new ArrayList<>(drafts.size());
        List<MatchData> data = new ArrayList<>(drafts.size());
        for (ContactDraft d : drafts) {
            ContactDraft c = withOwner(actor, ContactValidator.clean(d), owners);
            clean.add(c);
            data.add(matchKeys(c));
        }
        List<Contact> created = repo.insertAll(clean, data, clock.instant());
        org.evergreencrm.store.jdbc.Jdbc.afterCommit(() -> created.forEach(c -> publisher.post(ContactEvents.CREATED, actor, c, null)));
        return created;
    }

    @Override
    public ContactDraft validate(Actor actor, ContactDraft draft) {
        return withOwner(actor, ContactValidator.clean(draft), new HashMap<>());
    }

    @Override
    public List<DraftDuplicates> duplicatesOfAll(Actor actor, List<ContactDraft> drafts) {
        DuplicateDetector d = detector;
        List<ContactDraft> clean = drafts.stream().map(ContactValidator::clean).toList();
        if (d == null) {
            return clean.stream().map(x -> new DraftDuplicates(List.of(), -1)).toList();
        }
        return BatchDuplicates.find(d, repo, clean, MAX_CANDIDATES, owner -> access.mayOwn(actor, owner));
    }

    /** Temporary read rights granted elsewhere (the call queue, for a held claim). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ContactAccessGrant> grants = List.of();

    @Override
    public Contact get(Actor actor, long id) {
        Contact contact = repo.find(id).orElseThrow(() -> new NotFoundException("contact", id));
        if (!mayRead(actor, contact)) {
            access.checkRead(actor, contact);
        }
        return contact;
    }

    @Override
    public Contact getForChange(Actor actor, long id) {
        return changeable(actor, id);
    }

    /** A change needs the owner rule itself: a read grant (a held claim) never allows one. */
    private Contact changeable(Actor actor, long id) {
        Contact contact = repo.find(id).orElseThrow(() -> new NotFoundException("contact", id));
        access.checkRead(actor, contact);
        return contact;
    }

    @Override
    public void checkRead(Actor actor, long contactId) {
        get(actor, contactId);
    }

    @Override
    public Set<Long> readable(Actor actor, java.util.Collection<Long> contactIds) {
        Set<Long> out = new java.util.HashSet<>();
        Set<Long> owners = access.scope(actor).ownerIds(); // once: a manager's team is looked up once, not per id
        for (Map.Entry<Long, Long> e : repo.ownersOf(contactIds).entrySet()) {
            boolean owned = owners == null || e.getValue() != null && owners.contains(e.getValue());
            if (owned || granted(actor, e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    @Override
    public Set<Long> visibleOwners(Actor actor) {
        return access.scope(actor).ownerIds();
    }

    private boolean mayRead(Actor actor, Contact contact) {
        return access.mayOwn(actor, contact.ownerId()) || granted(actor, contact.id());
    }

    private boolean granted(Actor actor, long contactId) {
        for (ContactAccessGrant g : grants) {
            try {
                if (g.grantsRead(actor, contactId)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a failing grant grants nothing
            }
        }
        return false;
    }

    @Override
    public Contact update(Actor actor, long id, ContactDraft draft, Long expectedVersion) {
        Contact before = changeable(actor, id);
        ContactDraft clean = withOwner(actor, ContactValidator.clean(draft));
        Contact after = repo.update(id, clean, matchKeys(clean), expectedVersion, clock.instant());
        publisher.post(ContactEvents.UPDATED, actor, after, before);
        return after;
    }

    @Override
    public void delete(Actor actor, long id) {
        changeable(actor, id);
        Contact gone = repo.softDelete(id, clock.instant()).orElseThrow(() -> new NotFoundException("contact", id));
        publisher.post(ContactEvents.DELETED, actor, gone, null);
    }

    @Override
    public Page<Contact> search(Actor actor, ContactQuery query) {
        ContactQuery q = query == null ? ContactQuery.all() : query;
        if (q.limit() < 0 || q.limit() > ContactQuery.MAX_LIMIT) {
            throw new ValidationException("limit", "1 to " + ContactQuery.MAX_LIMIT);
        }
        if (q.text() != null && (q.text().length() > MAX_QUERY_CHARS || q.text().trim().split("\\s+").length > MAX_QUERY_WORDS)) {
            throw new ValidationException("q", "at most " + MAX_QUERY_WORDS + " words and " + MAX_QUERY_CHARS + " characters");
        }
        if (q.createdFrom() != null && q.createdTo() != null && !q.createdFrom().isBefore(q.createdTo())) {
            throw new ValidationException("createdTo", "must be after createdFrom");
        }
        int limit = q.effectiveLimit();
        List<Contact> rows = repo.search(q, access.scope(actor), Cursor.decode(q.cursor()), limit);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Contact> page = rows.subList(0, limit);
        return new Page<>(page, Cursor.encode(page.get(limit - 1).id()));
    }

    @Override
    public long count() {
        return repo.count();
    }

    @Override
    public List<DuplicateMatch> duplicatesOf(Actor actor, ContactDraft draft, Long excludeId) {
        DuplicateDetector d = detector;
        if (d == null) {
            return List.of();
        }
        ContactDraft clean = ContactValidator.clean(draft);
        List<MatchCandidate> candidates = repo.findMatchCandidates(d.matchKeys(PersonRecords.of(null, clean)), MAX_CANDIDATES);
        DedupRepository r = reviews;
        Set<Long> rejected = excludeId == null || r == null ? Set.of() : r.rejectedPartners(excludeId);
        Map<String, MatchCandidate> byId = new HashMap<>();
        List<PersonRecord> records = new ArrayList<>();
        for (MatchCandidate c : candidates) {
            if ((excludeId == null || c.id() != excludeId) && !rejected.contains(c.id())) {
                byId.put(Long.toString(c.id()), c);
                records.add(c.person());
            }
        }
        List<DuplicateMatch> result = new ArrayList<>();
        for (MatchResult m : d.matches(PersonRecords.of("new", clean), records)) {
            MatchCandidate existing = byId.get(m.rightId());
            if (!access.mayOwn(actor, existing.ownerId())) {
                continue; // never an oracle: contacts the caller may not see are not mentioned at all
            }
            result.add(new DuplicateMatch(existing.id(), Math.round(m.probability() * 10_000) / 10_000.0,
                    m.probability() >= d.autoMergeThreshold() ? "AUTO_MERGE" : "REVIEW", m.fields()));
        }
        return result;
    }

    private MatchData matchKeys(ContactDraft clean) {
        DuplicateDetector d = detector;
        return d == null ? MatchData.NONE : d.matchData(PersonRecords.of(null, clean));
    }

    private ContactDraft withOwner(Actor actor, ContactDraft d) {
        return withOwner(actor, d, new HashMap<>());
    }

    /** @param known users already looked up (a batch names the same few owners again and again) */
    private ContactDraft withOwner(Actor actor, ContactDraft d, Map<Long, User> known) {
        Long owner = access.defaultOwner(actor, d.ownerId());
        if (owner != null) {
            User user = known.get(owner);
            try {
                if (user == null) {
                    user = users.getUser(Actor.system(), owner);
                    known.put(owner, user);
                }
            } catch (NotFoundException e) {
                throw new ValidationException("ownerId", "user " + owner + " does not exist");
            }
            if (!user.active()) {
                throw new ValidationException("ownerId", "user " + user.username() + " is deactivated");
            }
        }
        access.checkAssign(actor, owner);
        return new ContactDraft(d.kind(), d.firstName(), d.lastName(), d.householdName(), d.phones(), d.emails(),
                d.address(), d.source(), owner, d.status(), d.tags(), d.customFields());
    }

}
