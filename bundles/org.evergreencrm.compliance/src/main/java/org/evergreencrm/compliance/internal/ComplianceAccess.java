package org.evergreencrm.compliance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.compliance.ConsentDraft;
import org.evergreencrm.api.compliance.ConsentKind;
import org.evergreencrm.api.compliance.ConsentRecord;
import org.evergreencrm.api.compliance.DecisionRecord;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.security.Actor;

/**
 * Who may record and read compliance facts, on top of the contact service's one access rule:
 * <ul>
 * <li>a GRANT can make a number on a registry list callable, so only an admin records one;</li>
 * <li>a REVOKE may be recorded by anyone about a contact they may read, for one of that contact's numbers, or for a
 * bare number (a consumer's do-not-call request is never refused: it only ever makes calling stricter, and says
 * nothing about whose contact has that number);</li>
 * <li>reads of a contact's records need the contact; a number's records are filtered to contacts the actor may
 * read, bare-number records shown without note and recorder; decisions to readable contacts and own lookups.</li>
 * </ul>
 */
final class ComplianceAccess {
    private final ContactService contacts;

    ComplianceAccess(ContactService contacts) {
        this.contacts = contacts;
    }

    void checkRecord(Actor actor, ConsentDraft draft, Long national) {
        if (actor.isAdmin()) {
            if (draft.contactId() != null && contacts != null) {
                contacts.checkRead(actor, draft.contactId()); // 404 for a contact that does not exist
            }
            return;
        }
        if (draft.kind() == ConsentKind.GRANT) {
            throw new AccessDeniedException("only an admin may record a consent grant (it can override a do-not-call "
                    + "registry listing and needs the signed consent on file)");
        }
        if (draft.contactId() == null) {
            return; // a revocation of a bare number: always recordable
        }
        Contact contact = contactOf(actor, draft.contactId());
        if (national != null && contact.phones().stream().map(p -> PhoneFacts.of(p.number()))
                .noneMatch(p -> p.isPresent() && p.get().national() == national)) {
            throw new ValidationException("phone", "is not one of contact " + draft.contactId() + "'s numbers");
        }
    }

    void checkContact(Actor actor, Long contactId) {
        if (contactId == null || actor.isAdmin() && contacts == null) {
            return;
        }
        contactOf(actor, contactId);
    }

    private Contact contactOf(Actor actor, long contactId) {
        if (contacts == null) {
            throw new AccessDeniedException("contact records need the contact service");
        }
        return contacts.get(actor, contactId);
    }

    List<ConsentRecord> visibleRecords(Actor actor, List<ConsentRecord> records) {
        if (actor.isAdmin()) {
            return records;
        }
        Set<Long> readable = readable(actor, records.stream().map(ConsentRecord::contactId).toList());
        List<ConsentRecord> out = new ArrayList<>();
        for (ConsentRecord r : records) {
            if (r.contactId() == null) {
                out.add(new ConsentRecord(r.id(), null, r.phone(), r.channel(), r.kind(), r.method(), r.receivedAt(),
                        r.effectiveAt(), r.honorBy(), null, r.recordedAt(), null));
            } else if (readable.contains(r.contactId())) {
                out.add(r);
            }
        }
        return out;
    }

    List<DecisionRecord> visibleDecisions(Actor actor, List<DecisionRecord> decisions) {
        if (actor.isAdmin()) {
            return decisions;
        }
        Set<Long> readable = readable(actor, decisions.stream().map(DecisionRecord::contactId).toList());
        return decisions.stream().filter(d -> d.contactId() == null ? Objects.equals(d.actor(), actor.username())
                : readable.contains(d.contactId())).toList();
    }

    private Set<Long> readable(Actor actor, List<Long> ids) {
        List<Long> some = ids.stream().filter(Objects::nonNull).distinct().toList();
        return some.isEmpty() || contacts == null ? Set.of() : contacts.readable(actor, some);
    }
}
