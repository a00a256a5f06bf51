package org.evergreencrm.api.lead;

import java.util.List;
import java.util.Optional;

import org.evergreencrm.api.security.Actor;

/**
 * Takes leads in through the intake pipeline (map, validate, duplicate check, assign, store, event). A lead that
 * fails is kept as a dead letter with the reason; a retried delivery of a stored lead returns that lead.
 */
public interface LeadIntake {
    /**
     * @throws org.evergreencrm.api.ValidationException when the lead is unusable (it is kept as a dead letter)
     */
    Lead submit(IncomingLead lead);

    /**
     * Takes in many leads at once (a file, a provider's page): the same pipeline, run over the batch with one
     * lookup and one write per step, the new contacts and leads stored in one transaction. Per lead, in order,
     * what became of it; a lead the pipeline refuses is kept as a dead letter and does not stop the others.
     *
     * @throws IllegalStateException only when the leads could not be recorded at all (the database is down): then
     *         nothing of the batch was stored, and the caller should deliver it again later
     */
    List<IntakeResult> submitAll(List<IncomingLead> leads);

    /** Keeps a delivery that will not be taken in (e.g. honeypot spam) as a dead letter with that status. */
    DeadLetter reject(IncomingLead lead, String status, String reason);

    /** A lead, when the actor may read its contact (else the contact service's refusal). */
    Optional<Lead> find(Actor actor, long id);

    /** Bulk intakes of this node (dropped files), newest first, with their progress. */
    List<LeadImport> imports();

    /**
     * The leads whose contacts the actor may see (the contact service's owner rule), filtered and one page at a time
     * in a bounded number of queries; a bad filter is a validation error naming it.
     */
    org.evergreencrm.api.Page<LeadSummary> search(Actor actor, LeadQuery query);

    /** Leads per source per day (UTC) over the last {@code days} days (1 to 366), of the contacts the actor may see. */
    List<LeadDay> daily(Actor actor, int days);

    /** The newest leads whose contacts the actor may see, at most {@code limit} (1 to 1000). */
    List<Lead> recent(Actor actor, int limit);

    /** Every source that delivered, with its counts and last activity. */
    List<SourceHealth> sources();

    /** Every polled source (plugin feeds, provider APIs): cursor, last poll, last success, last error, counts. */
    List<FeedState> feeds();

    /**
     * Speed to lead per rep and source over the last {@code days} days, with an SLA of {@code slaMinutes}: for an
     * admin every rep (and unassigned leads), for a manager their team, for a rep themselves.
     */
    List<SpeedToLead> speedToLead(Actor actor, int days, int slaMinutes);

    /** The leads a contact referred that the actor may see, newest first; the referrer must be readable. */
    List<Lead> referredBy(Actor actor, long contactId);

    /**
     * How many leads a contact referred, whoever they went to (a number, no record of anyone else's); the referrer
     * must be readable.
     */
    int referralCount(Actor actor, long contactId);

    List<DeadLetter> deadLetters(boolean openOnly, int limit);

    /** Runs a dead letter through the pipeline again (managers, admins). */
    Lead replay(Actor actor, long deadLetterId);
}
