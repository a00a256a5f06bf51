package org.evergreencrm.api.compliance;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.evergreencrm.api.security.Actor;

/**
 * Decides whether a person may be called now (DNC registry and state lists, internal do-not-call, consent,
 * calling hours in the person's local time, state call limits) and keeps the records behind those decisions.
 * Used by the call queue, later by telephony and automation.
 */
public interface ComplianceService {
    /** The number in E.164 when it is a valid US number (the only ones the CRM calls), else empty. */
    Optional<String> usNumber(String phone);

    /** Decides without recording (for planning: the queue uses it to know when a contact becomes callable). */
    Decision check(CallTarget target, Instant at);

    /**
     * Decides on the caller's connection to the Evergreen database, inside the caller's transaction (the call queue
     * decides while it holds the claimed row: one connection per claim, never two, however busy the pool).
     */
    Decision check(CallTarget target, Instant at, java.sql.Connection connection);

    /** Decides and records the decision with its reasons under {@code purpose} (e.g. {@code QUEUE_CLAIM}). */
    Decision checkAndRecord(CallTarget target, Instant at, String purpose, Actor actor);

    /**
     * Records a consent or revocation; a revocation never takes effect later than 10 business days after receipt.
     * Who may: a GRANT (it can make a number on a registry list callable) only an admin; a REVOKE anyone about a
     * contact they may read (the phone, when given, must be one of that contact's numbers) or about a bare number (a
     * do-not-call request is never refused).
     */
    ConsentRecord record(Actor actor, ConsentDraft draft);

    /**
     * Consent records about a contact and/or a number, newest first. A contact the actor may not read is refused
     * (as the contact service refuses it); of a number's records a non-admin sees those of contacts they may read,
     * and records about the bare number without their note and recorder.
     */
    List<ConsentRecord> records(Actor actor, Long contactId, String phone);

    /** Everything known about a number; the lookup itself is recorded in the decision log (audit). */
    NumberStatus lookup(Actor actor, String phone);

    /**
     * Logged decisions about a contact and/or a number (lookups of a number included), newest first. A contact the
     * actor may not read is refused; a non-admin sees the decisions about contacts they may read and their own lookups.
     */
    List<DecisionRecord> decisions(Actor actor, Long contactId, String phone, int limit);

    /** The registry lists imported so far. */
    List<DncList> lists();

    /**
     * Starts a streaming import of 10-digit numbers (one per line; a registry file's extra columns after a comma
     * are ignored) into {@code list} ({@code US} or {@code US-XX}). Returns at once; follow it with {@link #dncImport}.
     */
    DncImport startImport(Actor actor, String list, InputStream numbers, String sourceName);

    Optional<DncImport> dncImport(long id);

    List<DncImport> dncImports();

    /** Asks a running import to stop; what was imported stays. */
    DncImport cancelImport(Actor actor, long id);
}
