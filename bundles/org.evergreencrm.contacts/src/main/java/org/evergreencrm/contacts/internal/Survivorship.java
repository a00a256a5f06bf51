package org.evergreencrm.contacts.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;

/**
 * Which value survives a merge, field by field: single-valued fields take the most recently updated non-empty value;
 * phones, e-mails and tags keep both sides (without repeats); custom fields are combined, the survivor's value winning.
 */
final class Survivorship {
    record Result(ContactDraft draft, Map<String, String> sources) {
    }

    private Survivorship() {
    }

    static Result merge(Contact survivor, Contact loser) {
        Map<String, String> sources = new LinkedHashMap<>();
        boolean loserNewer = loser.updatedAt().isAfter(survivor.updatedAt());
        String first = pick("firstName", survivor.firstName(), loser.firstName(), loserNewer, sources);
        String last = pick("lastName", survivor.lastName(), loser.lastName(), loserNewer, sources);
        String household = pick("householdName", survivor.householdName(), loser.householdName(), loserNewer, sources);
        var address = pick("address", survivor.address(), loser.address(), loserNewer, sources);
        String source = pick("source", survivor.source(), loser.source(), loserNewer, sources);
        Long owner = pick("ownerId", survivor.ownerId(), loser.ownerId(), loserNewer, sources);
        var status = pick("status", survivor.status(), loser.status(), loserNewer, sources);

        List<Phone> phones = new ArrayList<>(survivor.phones());
        Set<String> seenPhones = new LinkedHashSet<>();
        phones.forEach(p -> seenPhones.add(p.number().replaceAll("\\D", "")));
        for (Phone p : loser.phones()) {
            if (seenPhones.add(p.number().replaceAll("\\D", ""))) {
                phones.add(p);
            }
        }
        sources.put("phones", loser.phones().isEmpty() ? "survivor" : "both");
        List<Email> emails = new ArrayList<>(survivor.emails());
        Set<String> seenEmails = new LinkedHashSet<>();
        emails.forEach(e -> seenEmails.add(e.address().toLowerCase(Locale.ROOT)));
        for (Email e : loser.emails()) {
            if (seenEmails.add(e.address().toLowerCase(Locale.ROOT))) {
                emails.add(e);
            }
        }
        sources.put("emails", loser.emails().isEmpty() ? "survivor" : "both");
        Set<String> tags = new LinkedHashSet<>(survivor.tags());
        tags.addAll(loser.tags());
        sources.put("tags", loser.tags().isEmpty() ? "survivor" : "both");
        Map<String, Object> custom = new LinkedHashMap<>(loser.customFields());
        custom.putAll(survivor.customFields());
        sources.put("customFields", loser.customFields().isEmpty() ? "survivor" : "both");
        ContactDraft draft = new ContactDraft(survivor.kind(), first, last, household, phones, emails, address, source,
                owner, status, tags, custom);
        return new Result(draft, sources);
    }

    static ContactDraft draftOf(Contact c) {
        return new ContactDraft(c.kind(), c.firstName(), c.lastName(), c.householdName(), c.phones(), c.emails(),
                c.address(), c.source(), c.ownerId(), c.status(), c.tags(), c.customFields());
    }

    private static <T> T pick(String field, T survivor, T loser, boolean loserNewer, Map<String, String> sources) {
        boolean hasS = survivor != null && !(survivor instanceof String s && s.isBlank());
        boolean hasL = loser != null && !(loser instanceof String s && s.isBlank());
        T chosen;
        if (hasS && hasL) {
            chosen = loserNewer ? loser : survivor;
        } else {
            chosen = hasS ? survivor : loser;
        }
        sources.put(field, chosen == null ? "survivor" : chosen == survivor ? "survivor" : "loser");
        return chosen;
    }
}
