package org.evergreencrm.dedup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.Page;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.DuplicateMatch;
import org.evergreencrm.api.dedup.DedupEvaluation;
import org.evergreencrm.api.security.Actor;
import org.junit.jupiter.api.Test;

/** CSV import: refused rows are reported, and a file that cannot be used writes nothing. */
class EvaluationToolTest {
    private final List<ContactDraft> created = new ArrayList<>();
    private final EvaluationTool tool = new EvaluationTool(new Recording(), null);
    private final Map<String, String> mapping = DedupEvaluation.parseMapping(
            List.of("externalId=id", "givenName=first", "surname=last", "phone=phone", "dateOfBirth=dob"));

    @Test
    void importsRowsAndListsTheRefusedOnes() {
        String csv = "id,first,last,phone,dob\nr1,Ann,Lee,813-555-0101,19700304\nr2,Bob,Ray,,\n";
        DedupEvaluation.ImportResult r = tool.importCsv(Actor.system(), new StringReader(csv), mapping, "test");
        assertEquals(2, r.rows());
        assertEquals(1, r.created());
        assertTrue(r.errors().get(0).startsWith("line 3: "), r.errors().toString());
        assertEquals("1970-03-04", created.get(0).customFields().get("dateOfBirth"));
        assertEquals("r1", created.get(0).customFields().get("externalId"));
    }

    @Test
    void aMissingColumnOrUnknownFieldWritesNothing() {
        String csv = "id,first,surname\nr1,Ann,Lee\n";
        ValidationException missing = assertThrows(ValidationException.class,
                () -> tool.importCsv(Actor.system(), new StringReader(csv), mapping, "test"));
        assertTrue(missing.errors().get(0).field().startsWith("mapping."));
        assertThrows(ValidationException.class, () -> tool.importCsv(Actor.system(), new StringReader(csv),
                Map.of("nickname", "first"), "test"));
        assertThrows(ValidationException.class, () -> DedupEvaluation.parseMapping(List.of("givenName")));
        assertTrue(created.isEmpty());
    }

    /** Records what would be created; refuses a contact without phone, e-mail or address like the real service. */
    private final class Recording implements ContactService {
        public Contact create(Actor actor, ContactDraft draft) {
            if (draft.phones().isEmpty() && draft.emails().isEmpty() && draft.address() == null) {
                throw new ValidationException("phones", "a contact needs at least one phone, email or postal address");
            }
            created.add(draft);
            return null;
        }

        public List<Contact> createAll(Actor actor, List<ContactDraft> drafts) { throw new UnsupportedOperationException(); }
        public ContactDraft validate(Actor actor, ContactDraft draft) { throw new UnsupportedOperationException(); }
        public List<org.evergreencrm.api.contact.DraftDuplicates> duplicatesOfAll(Actor actor, List<ContactDraft> drafts) { throw new UnsupportedOperationException(); }
        public Contact get(Actor actor, long id) { throw new UnsupportedOperationException(); }
        public Contact update(Actor actor, long id, ContactDraft draft, Long v) { throw new UnsupportedOperationException(); }
        public void delete(Actor actor, long id) { throw new UnsupportedOperationException(); }
        public Page<Contact> search(Actor actor, ContactQuery query) { throw new UnsupportedOperationException(); }
        public List<DuplicateMatch> duplicatesOf(Actor actor, ContactDraft draft, Long excludeId) { return List.of(); }
        public long count() { return 0; }

        @Override
        public java.util.Set<Long> readable(Actor actor, java.util.Collection<Long> contactIds) {
            return java.util.Set.copyOf(contactIds);
        }

        @Override
        public Contact getForChange(Actor actor, long contactId) {
            return get(actor, contactId);
        }

        @Override
        public void checkRead(Actor actor, long contactId) {
        }

        @Override
        public java.util.Set<Long> visibleOwners(Actor actor) {
            return null;
        }
    }
}
