package org.evergreencrm.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.Page;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactEvents;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.store.ContactRepository;
import org.evergreencrm.api.store.ContactScope;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The service's rules (access, ownership, paging, events) over in-memory stand-ins for the store and users. */
class ContactServiceImplTest {
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private final Users users = new Users();
    private final Contacts repo = new Contacts();
    private final List<Event> events = new ArrayList<>();
    private final ContactServiceImpl service = new ContactServiceImpl(repo, users, new EventAdmin() {
        public void postEvent(Event e) { events.add(e); }
        public void sendEvent(Event e) { events.add(e); }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    private final User maria = users.add("maria", Role.MANAGER, 10L, true);
    private final User rick = users.add("rick", Role.REP, 10L, true);
    private final User rita = users.add("rita", Role.REP, 20L, true);
    private final User gone = users.add("gone", Role.REP, 10L, false);

    private static ContactDraft draft(String last, Long owner) {
        return new ContactDraft(null, "Pat", last, null, List.of(new Phone("813-555-0100", null)), null, null, null, owner,
                null, null, null);
    }

    @Test
    void repsOwnWhatTheyCreateAndCannotGiveItAway() {
        Contact c = service.create(Actor.of(rick), draft("Mine", null));
        assertEquals(rick.id(), c.ownerId());
        assertThrows(AccessDeniedException.class, () -> service.create(Actor.of(rick), draft("Theirs", rita.id())));
        assertThrows(AccessDeniedException.class, () -> service.update(Actor.of(rick), c.id(), draft("Moved", rita.id()), null));
        assertEquals(1, repo.rows.size());
    }

    @Test
    void managersWorkWithinTheirTeam() {
        Contact ricks = service.create(Actor.of(maria), draft("Assigned", rick.id()));
        assertEquals(rick.id(), ricks.ownerId());
        Contact ritas = service.create(Actor.system(), draft("Other team", rita.id()));
        assertEquals(ricks, service.get(Actor.of(maria), ricks.id()));
        assertThrows(AccessDeniedException.class, () -> service.get(Actor.of(maria), ritas.id()));
        assertThrows(AccessDeniedException.class, () -> service.create(Actor.of(maria), draft("X", rita.id())));
        assertEquals(List.of(ricks.id()), ids(service.search(Actor.of(maria), ContactQuery.all())));
        assertEquals(maria.id(), service.create(Actor.of(maria), draft("Self", null)).ownerId());
    }

    @Test
    void adminsMayLeaveContactsUnassignedWhichOnlyAdminsSee() {
        Contact open = service.create(Actor.system(), draft("Unassigned", null));
        assertNull(open.ownerId());
        assertThrows(AccessDeniedException.class, () -> service.get(Actor.of(maria), open.id()));
        assertEquals(open, service.get(Actor.system(), open.id()));
    }

    @Test
    void ownersMustExistAndBeActive() {
        assertEquals("ownerId", assertThrows(ValidationException.class,
                () -> service.create(Actor.system(), draft("X", gone.id()))).errors().get(0).field());
        assertEquals("ownerId", assertThrows(ValidationException.class,
                () -> service.create(Actor.system(), draft("X", 999L))).errors().get(0).field());
        assertTrue(repo.rows.isEmpty());
    }

    @Test
    void createsInBulkWithTheSameChecksAndOneEventEach() {
        List<Contact> made = service.createAll(Actor.system(), List.of(draft("Bulk1", rick.id()), draft("Bulk2", null)));
        assertEquals(List.of("Bulk1", "Bulk2"), made.stream().map(Contact::lastName).toList());
        assertEquals(2, events.stream().filter(e -> e.getTopic().equals(ContactEvents.CREATED)).count(),
                "no transaction is open: the events go at once");
        events.clear();
        assertThrows(ValidationException.class, () -> service.createAll(Actor.system(), List.of(draft("Fine", null), draft("Bad", gone.id()))));
        assertThrows(ValidationException.class, () -> service.createAll(Actor.system(), List.of(draft("Fine", null),
                new ContactDraft(null, null, null, null, null, null, new org.evergreencrm.api.contact.PostalAddress("1 Main St", null,
                        "Tampa", "FL", "33602", "US"), null, null, null, null, null))));
        assertEquals(2, repo.rows.size(), "a batch with a bad draft writes nothing");
        assertTrue(events.isEmpty());
        assertThrows(AccessDeniedException.class, () -> service.createAll(Actor.of(rick), List.of(draft("Theirs", rita.id()))));
        assertEquals("Pat", service.validate(Actor.system(), draft("  Spaced  ", null)).firstName());
        assertEquals("Spaced", service.validate(Actor.system(), draft("  Spaced  ", null)).lastName());
    }

    @Test
    void theBatchDuplicateCheckFindsStoredContactsAndRepeatsWithinTheBatch() {
        service.detector = new PhoneDetector();
        Contact stored = service.create(Actor.system(), draft("Stored", null));
        repo.candidates = java.util.Set.of(stored.id());
        ContactDraft other = new ContactDraft(null, "Ola", "Other", null, List.of(new Phone("305-555-0199", null)), null, null, null,
                null, null, null, null);
        List<org.evergreencrm.api.contact.DraftDuplicates> found = service.duplicatesOfAll(Actor.system(), List.of(other,
                draft("Same phone", null), other));
        assertEquals(3, found.size());
        assertEquals(List.of(), found.get(0).stored());
        assertEquals(-1, found.get(0).sameAsDraft());
        assertEquals(stored.id(), found.get(1).stored().get(0).contactId());
        assertEquals("AUTO_MERGE", found.get(1).stored().get(0).decision());
        assertEquals(0, found.get(2).sameAsDraft(), "the third draft repeats the first");
        service.detector = null;
        assertEquals(-1, service.duplicatesOfAll(Actor.system(), List.of(other, other)).get(1).sameAsDraft(), "no detector: no check");
    }

    /** Records with the same first phone are the same person (probability 0.99); keys are the phones. */
    static final class PhoneDetector implements org.evergreencrm.api.dedup.DuplicateDetector {
        public java.util.Set<String> matchKeys(org.evergreencrm.api.dedup.PersonRecord r) {
            return java.util.Set.copyOf(r.phones().stream().map(p -> p.replaceAll("\\D", "")).toList());
        }

        public org.evergreencrm.api.dedup.MatchData matchData(org.evergreencrm.api.dedup.PersonRecord r) {
            return new org.evergreencrm.api.dedup.MatchData(matchKeys(r), null);
        }

        public List<org.evergreencrm.api.dedup.MatchResult> matches(org.evergreencrm.api.dedup.PersonRecord in,
                List<org.evergreencrm.api.dedup.PersonRecord> candidates) {
            return candidates.stream().filter(c -> matchKeys(c).equals(matchKeys(in)))
                    .map(c -> new org.evergreencrm.api.dedup.MatchResult(in.id(), c.id(), 0.99, 9.0, List.of())).toList();
        }

        public double autoMergeThreshold() {
            return 0.98;
        }
    }

    @Test
    void theOneAccessRuleServesOtherBundlesAndAClaimGrantsReadingOnly() {
        Contact ricks = service.create(Actor.of(rick), draft("Ricks", null));
        Contact ritas = service.create(Actor.of(rita), draft("Ritas", null));
        Contact nobodys = service.create(Actor.system(), draft("Nobodys", null));
        assertEquals(java.util.Set.of(ricks.id()), service.readable(Actor.of(rick), List.of(ricks.id(), ritas.id(), nobodys.id(), 999L)));
        assertEquals(java.util.Set.of(ricks.id()), service.readable(Actor.of(maria), List.of(ricks.id(), ritas.id(), nobodys.id())));
        assertEquals(java.util.Set.of(ricks.id(), ritas.id(), nobodys.id()),
                service.readable(Actor.system(), List.of(ricks.id(), ritas.id(), nobodys.id())));
        assertEquals(java.util.Set.of(rick.id()), service.visibleOwners(Actor.of(rick)));
        assertEquals(java.util.Set.of(maria.id(), rick.id(), gone.id()), service.visibleOwners(Actor.of(maria)));
        assertEquals(null, service.visibleOwners(Actor.system()));
        assertThrows(org.evergreencrm.api.NotFoundException.class, () -> service.checkRead(Actor.of(rick), 999L));
        assertThrows(AccessDeniedException.class, () -> service.checkRead(Actor.of(rick), nobodys.id()));

        // the queue's grant: rick holds a claim on the unowned contact
        service.grants = List.of((actor, id) -> actor.userId() != null && actor.userId() == rick.id() && id == nobodys.id());
        service.checkRead(Actor.of(rick), nobodys.id());
        assertEquals(java.util.Set.of(ricks.id(), nobodys.id()), service.readable(Actor.of(rick), List.of(ricks.id(), nobodys.id())));
        assertThrows(AccessDeniedException.class, () -> service.checkRead(Actor.of(rita), nobodys.id()), "only the claimant");
        assertThrows(AccessDeniedException.class, () -> service.update(Actor.of(rick), nobodys.id(), draft("Taken", null), null),
                "a claim grants no change");
        assertThrows(AccessDeniedException.class, () -> service.delete(Actor.of(rick), nobodys.id()));
        service.grants = List.of((actor, id) -> {
            throw new IllegalStateException("a failing grant grants nothing");
        });
        assertThrows(AccessDeniedException.class, () -> service.checkRead(Actor.of(rick), nobodys.id()));
    }

    @Test
    void searchesAreAFewWordsNotAThousand() {
        org.evergreencrm.api.ValidationException e = assertThrows(org.evergreencrm.api.ValidationException.class,
                () -> service.search(Actor.of(rick), new ContactQuery("word ".repeat(1000), null, null, null, null, null, null, 0)));
        assertEquals("q", e.errors().get(0).field());
    }

    @Test
    void pagesWithAnOpaqueCursor() {
        for (int i = 0; i < 5; i++) {
            service.create(Actor.of(rick), draft("P" + i, null));
        }
        Page<Contact> first = service.search(Actor.of(rick), new ContactQuery(null, null, null, null, null, null, null, 2));
        assertEquals(2, first.items().size());
        assertNotNull(first.nextCursor());
        Page<Contact> second = service.search(Actor.of(rick), new ContactQuery(null, null, null, null, null, null, first.nextCursor(), 2));
        Page<Contact> third = service.search(Actor.of(rick), new ContactQuery(null, null, null, null, null, null, second.nextCursor(), 2));
        assertEquals(1, third.items().size());
        assertNull(third.nextCursor());
        assertEquals(List.of("P4", "P3", "P2", "P1", "P0"), List.of(first, second, third).stream()
                .flatMap(p -> p.items().stream()).map(Contact::lastName).toList());
        assertThrows(ValidationException.class, () -> service.search(Actor.of(rick), new ContactQuery(null, null, null, null, null, null, null, 501)));
        assertThrows(ValidationException.class, () -> service.search(Actor.of(rick),
                new ContactQuery(null, null, null, null, NOW, NOW.minusSeconds(1), null, 0)));
    }

    @Test
    void announcesEveryChangeWithWhoDidIt() {
        Contact c = service.create(Actor.of(rick), draft("Evented", null));
        service.update(Actor.of(rick), c.id(), draft("Changed", null), c.version());
        service.delete(Actor.of(rick), c.id());
        assertEquals(List.of(ContactEvents.CREATED, ContactEvents.UPDATED, ContactEvents.DELETED),
                events.stream().map(Event::getTopic).toList());
        Event updated = events.get(1);
        assertEquals("Evented", ((Contact) updated.getProperty(ContactEvents.PREVIOUS)).lastName());
        assertEquals("Changed", ((Contact) updated.getProperty(ContactEvents.CONTACT)).lastName());
        assertEquals("rick", updated.getProperty(ContactEvents.ACTOR));
        assertEquals(NOW.toEpochMilli(), updated.getProperty(ContactEvents.TIMESTAMP));
        assertThrows(NotFoundException.class, () -> service.get(Actor.of(rick), c.id()));
    }

    @Test
    void invalidInputWritesNothingAndPostsNothing() {
        // no name, no phone, no e-mail, no date of birth: an address alone does not identify a person
        ContactDraft nameless = new ContactDraft(null, null, null, null, null, null, new org.evergreencrm.api.contact.PostalAddress(
                "1 Main St", null, "Tampa", "FL", "33602", "US"), null, null, null, null, null);
        assertThrows(ValidationException.class, () -> service.create(Actor.of(rick), nameless));
        assertTrue(repo.rows.isEmpty());
        assertTrue(events.isEmpty());
    }

    private static List<Long> ids(Page<Contact> page) {
        return page.items().stream().map(Contact::id).toList();
    }

    /** Users and teams in a map. */
    static final class Users implements UserService {
        @Override
        public void changeOwnPassword(Actor actor, char[] currentPassword, char[] newPassword) {
            throw new UnsupportedOperationException();
        }

        final Map<Long, User> byId = new HashMap<>();
        private long next = 1;

        User add(String name, Role role, Long team, boolean active) {
            User u = new User(next++, name, name, null, role, team, active, NOW, NOW);
            byId.put(u.id(), u);
            return u;
        }

        public User getUser(Actor actor, long id) {
            return Optional.ofNullable(byId.get(id)).orElseThrow(() -> new NotFoundException("user", id));
        }

        public List<Long> teamMemberIds(long teamId) {
            return byId.values().stream().filter(u -> u.teamId() != null && u.teamId() == teamId).map(User::id).toList();
        }

        public Optional<User> findByUsername(String username) {
            return byId.values().stream().filter(u -> u.username().equals(username)).findFirst();
        }

        public User createUser(Actor actor, UserDraft draft) { throw new UnsupportedOperationException(); }
        public User updateUser(Actor actor, long id, UserDraft draft) { throw new UnsupportedOperationException(); }
        public List<User> listUsers(Actor actor) { throw new UnsupportedOperationException(); }
        public Team createTeam(Actor actor, String name) { throw new UnsupportedOperationException(); }
        public List<Team> listTeams(Actor actor) { throw new UnsupportedOperationException(); }
        public Optional<Team> findTeamByName(String name) { throw new UnsupportedOperationException(); }
    }

    /** Contacts in a sorted map, with the repository's keyset contract (newest first, limit + 1 rows). */
    static final class Contacts implements ContactRepository {
        @Override
        public Map<Long, Long> ownersOf(java.util.Collection<Long> ids) {
            Map<Long, Long> out = new java.util.HashMap<>();
            for (Long id : ids) {
                find(id).ifPresent(c -> out.put(c.id(), c.ownerId()));
            }
            return out;
        }

        final Map<Long, Contact> rows = new HashMap<>();
        private long next = 1;

        public Contact insert(ContactDraft d, org.evergreencrm.api.dedup.MatchData keys, Instant now) {
            Contact c = of(next++, d, now, 1);
            rows.put(c.id(), c);
            return c;
        }

        public List<Contact> insertAll(List<ContactDraft> drafts, List<org.evergreencrm.api.dedup.MatchData> keys, Instant now) {
            List<Contact> out = new java.util.ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                out.add(insert(drafts.get(i), keys.get(i), now));
            }
            return out;
        }

        public Optional<Contact> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        public List<org.evergreencrm.api.store.MatchCandidate> findMatchCandidates(java.util.Set<String> keys, int limit) {
            return List.of();
        }

        /** Contacts the batch lookup reports for every key set (set by a test). */
        java.util.Set<Long> candidates = java.util.Set.of();

        public List<List<org.evergreencrm.api.store.MatchCandidate>> findMatchCandidatesAll(List<java.util.Set<String>> keys, int limit) {
            return keys.stream().map(k -> candidates.stream().map(rows::get).map(c -> new org.evergreencrm.api.store.MatchCandidate(c.id(),
                    c.ownerId(), org.evergreencrm.api.dedup.PersonRecords.of(c), null)).toList()).toList();
        }

        public long scanPersons(java.util.function.Consumer<org.evergreencrm.api.store.MatchCandidate> sink) {
            return 0;
        }

        public List<org.evergreencrm.api.store.MatchCandidate> personsAfter(long afterId, int limit) {
            return List.of();
        }

        public int replaceMatchKeys(Map<Long, java.util.Set<String>> keys, Instant notChangedSince) {
            return 0;
        }

        public Contact update(long id, ContactDraft d, org.evergreencrm.api.dedup.MatchData keys, Long expectedVersion, Instant now) {
            Contact c = of(id, d, now, rows.get(id).version() + 1);
            rows.put(id, c);
            return c;
        }

        public Contact restore(long id, ContactDraft d, org.evergreencrm.api.dedup.MatchData keys, Instant now) {
            Contact c = of(id, d, now, 1);
            rows.put(id, c);
            return c;
        }

        public Optional<Contact> softDelete(long id, Instant now) {
            return Optional.ofNullable(rows.remove(id));
        }

        public List<Contact> search(ContactQuery q, ContactScope scope, Long afterId, int limit) {
            return rows.values().stream()
                    .filter(c -> scope.ownerIds() == null || (c.ownerId() != null && scope.ownerIds().contains(c.ownerId())))
                    .filter(c -> afterId == null || c.id() < afterId)
                    .sorted(Comparator.comparingLong(Contact::id).reversed()).limit(limit + 1L)
                    .collect(Collectors.toList());
        }

        public long count() {
            return rows.size();
        }

        private static Contact of(long id, ContactDraft d, Instant now, long version) {
            return new Contact(id, d.kind(), d.firstName(), d.lastName(), d.householdName(), d.phones(), d.emails(),
                    d.address(), d.source(), d.ownerId(), d.status(), d.tags(), d.customFields(), now, now, version,
                    org.evergreencrm.api.dedup.Normalized.NONE);
        }
    }
}
