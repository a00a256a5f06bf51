package org.evergreencrm.leads.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.evergreencrm.api.Page;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.lead.DeadLetter;
import org.evergreencrm.api.lead.FeedState;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadDay;
import org.evergreencrm.api.lead.LeadQuery;
import org.evergreencrm.api.lead.LeadSummary;
import org.evergreencrm.api.lead.SourceHealth;
import org.evergreencrm.api.lead.SpeedToLead;
import org.evergreencrm.api.security.Actor;

/**
 * The read side of the lead intake: single leads, lists, reports and referrals, each scoped by the contact service's
 * owner rule (a lead is read as its contact is). The intake itself ({@link LeadIntakeImpl}) writes and routes.
 */
final class LeadQueries {
    private final DataSource ds;
    private final LeadStore store;
    private final DeadLetterStore deadLetters;
    private final FeedStates feedStates;
    private final ContactService contacts;
    private final Clock clock;

    LeadQueries(DataSource ds, LeadStore store, DeadLetterStore deadLetters, FeedStates feedStates, ContactService contacts, Clock clock) {
        this.ds = ds;
        this.store = store;
        this.deadLetters = deadLetters;
        this.feedStates = feedStates;
        this.contacts = contacts;
        this.clock = clock;
    }

    Optional<Lead> find(Actor actor, long id) {
        Optional<Lead> lead = store.find(id);
        lead.ifPresent(l -> contacts.checkRead(actor, l.contactId())); // a lead is read as its contact is
        return lead;
    }

    Page<LeadSummary> search(Actor actor, LeadQuery query) {
        return new LeadSearch(ds).search(query, contacts.visibleOwners(actor));
    }

    List<LeadDay> daily(Actor actor, int days) {
        if (days < 1 || days > 366) {
            throw new ValidationException("days", "1 to 366");
        }
        return LeadReports.daily(ds, clock.instant().minus(Duration.ofDays(days)), contacts.visibleOwners(actor));
    }

    List<Lead> recent(Actor actor, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ValidationException("limit", "1 to 1000");
        }
        return store.recent(limit, contacts.visibleOwners(actor));
    }

    List<SourceHealth> sources() {
        return LeadReports.sources(ds);
    }

    List<FeedState> feeds() {
        return feedStates.all();
    }

    List<SpeedToLead> speedToLead(Actor actor, int days, int slaMinutes) {
        if (days < 1 || days > 366) {
            throw new ValidationException("days", "between 1 and 366");
        }
        if (slaMinutes < 1) {
            throw new ValidationException("slaMinutes", "at least 1");
        }
        Set<Long> reps = contacts.visibleOwners(actor); // the contact rule's scope: the same people
        return LeadReports.speedToLead(ds, clock.instant().minusSeconds(days * 86_400L), slaMinutes).stream()
                .filter(s -> reps == null || s.repId() != null && reps.contains(s.repId())).toList();
    }

    List<Lead> referredBy(Actor actor, long contactId) {
        contacts.checkRead(actor, contactId);
        List<Lead> leads = store.referredBy(contactId);
        Set<Long> readable = contacts.readable(actor, leads.stream().map(Lead::contactId).toList());
        return leads.stream().filter(l -> readable.contains(l.contactId())).toList();
    }

    int referralCount(Actor actor, long contactId) {
        contacts.checkRead(actor, contactId);
        return store.referredBy(contactId).size();
    }

    List<DeadLetter> deadLetters(boolean openOnly, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ValidationException("limit", "1 to 1000");
        }
        return deadLetters.list(openOnly, limit);
    }
}
