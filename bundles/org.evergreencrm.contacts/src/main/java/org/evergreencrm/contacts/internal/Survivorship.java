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
        return merge(survivor, loser, SurvivorshipRules.defaults());
    }

    static Result merge(Contact survivor, Contact loser, SurvivorshipRules rules) {
        Map<String, String> sources = new LinkedHashMap<>();
        Picker pick = new Picker(survivor, loser, rules, sources);
        String first = pick.pick("firstName", survivor.firstName(), loser.firstName());
        String last = pick.pick("lastName", survivor.lastName(), loser.lastName());
        String household = pick.pick("householdName", survivor.householdName(), loser.householdName());
        var address = pick.pick("address", survivor.address(), loser.address());
        String source = pick.pick("source", survivor.source(), loser.source());
        Long owner = pick.pick("ownerId", survivor.ownerId(), loser.ownerId());
        var status = pick.pick("status", survivor.status(), loser.status());

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

    /** Applies the configured rule of each field. */
    private record Picker(Contact survivor, Contact loser, SurvivorshipRules rules, Map<String, String> sources) {
        <T> T pick(String field, T s, T l) {
            boolean hasS = present(s);
            boolean hasL = present(l);
            boolean takeLoser;
            if (!hasS || !hasL) {
                takeLoser = !hasS && hasL;
            } else {
                takeLoser = switch (rules.ruleFor(field)) {
                    case SURVIVOR -> false;
                    case MOST_RECENT -> loserNewer();
                    case MOST_COMPLETE -> completeness(l) > completeness(s) || (completeness(l) == completeness(s) && loserNewer());
                    case SOURCE_PRIORITY -> {
                        int rs = rank(survivor.source());
                        int rl = rank(loser.source());
                        yield rl < rs || (rl == rs && loserNewer());
                    }
                };
            }
            sources.put(field, takeLoser ? "loser" : "survivor");
            return takeLoser ? l : s;
        }

        private boolean loserNewer() {
            return loser.updatedAt().isAfter(survivor.updatedAt());
        }

        private int rank(String source) {
            int i = source == null ? -1 : rules.sourcePriority().indexOf(source);
            return i < 0 ? Integer.MAX_VALUE : i;
        }

        private static boolean present(Object value) {
            return value != null && !(value instanceof String str && str.isBlank());
        }

        private static int completeness(Object value) {
            if (value instanceof org.evergreencrm.api.contact.PostalAddress a) {
                int n = 0;
                for (String part : new String[] {a.line1(), a.line2(), a.city(), a.state(), a.postalCode(), a.country()}) {
                    n += part == null || part.isBlank() ? 0 : 1;
                }
                return n;
            }
            return value == null ? 0 : value.toString().strip().length();
        }
    }
}
