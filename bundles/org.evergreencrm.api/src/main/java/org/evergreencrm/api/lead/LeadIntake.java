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

    /** Keeps a delivery that will not be taken in (e.g. honeypot spam) as a dead letter with that status. */
    DeadLetter reject(IncomingLead lead, String status, String reason);

    Optional<Lead> find(long id);

    List<Lead> recent(int limit);

    /** Every source that delivered, with its counts and last activity. */
    List<SourceHealth> sources();

    /** Speed to lead per rep and source over the last {@code days} days, with an SLA of {@code slaMinutes}. */
    List<SpeedToLead> speedToLead(int days, int slaMinutes);

    /** The leads a contact referred, newest first. */
    List<Lead> referredBy(long contactId);

    List<DeadLetter> deadLetters(boolean openOnly, int limit);

    /** Runs a dead letter through the pipeline again (managers, admins). */
    Lead replay(Actor actor, long deadLetterId);
}
