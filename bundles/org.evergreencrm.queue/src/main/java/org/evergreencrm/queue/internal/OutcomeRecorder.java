package org.evergreencrm.queue.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.compliance.Channel;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.compliance.ConsentDraft;
import org.evergreencrm.api.compliance.ConsentKind;
import org.evergreencrm.api.compliance.ConsentMethod;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.CallAttempt;
import org.evergreencrm.api.queue.CallOutcome;
import org.evergreencrm.api.queue.OutcomeReport;
import org.evergreencrm.api.queue.OutcomeResult;
import org.evergreencrm.api.queue.Transition;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * Records a call's outcome and moves the contact by its bucket's transition, in one transaction with the attempt
 * counts. A {@code DO_NOT_CALL} outcome first records the revocation with compliance (so it can never be lost),
 * then finishes the contact.
 */
final class OutcomeRecorder {
    private static final Duration MAX_CALLBACK = Duration.ofDays(365);
    private final DataSource ds;
    private final ComplianceService compliance;
    private final LongFunction<Optional<Bucket>> bucketById;
    private final Function<String, Optional<Bucket>> bucketByName;
    private final Clock clock;
    private final Function<Actor, java.util.Set<Long>> team;

    /** @param team the users whose attempts an actor may settle besides their own ({@code null}: everyone's) */
    OutcomeRecorder(DataSource ds, ComplianceService compliance, LongFunction<Optional<Bucket>> bucketById,
            Function<String, Optional<Bucket>> bucketByName, Clock clock, Function<Actor, java.util.Set<Long>> team) {
        this.team = team;
        this.ds = ds;
        this.compliance = compliance;
        this.bucketById = bucketById;
        this.bucketByName = bucketByName;
        this.clock = clock;
    }

    OutcomeResult record(Actor actor, long attemptId, OutcomeReport report) {
        Instant now = clock.instant();
        validate(report, now);
        if (report.outcome() == CallOutcome.DO_NOT_CALL) {
            CallAttempt a = Jdbc.inTransaction(ds, c -> checked(c, actor, attemptId));
            // the attempt was checked to be the actor's to settle: the revocation is recorded with the CRM's rights
            // (an unowned contact's claimant may not read it once the claim is settled) and under the actor's name
            Actor recorder = new Actor(null, actor.username(), Role.ADMIN, null);
            compliance.record(recorder, new ConsentDraft(a.contactId(), a.phone(), Channel.CALL, ConsentKind.REVOKE,
                    ConsentMethod.CALL, now, now, "do-not-call request on call attempt " + attemptId
                            + (report.note() == null ? "" : ": " + report.note())));
        }
        return Jdbc.inTransaction(ds, c -> apply(c, actor, attemptId, report, now));
    }

    private static void validate(OutcomeReport report, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (report == null || report.outcome() == null) {
            throw new ValidationException("outcome", "required, one of " + List.of(CallOutcome.values()));
        }
        if (report.outcome() == CallOutcome.CALLBACK) {
            if (report.callbackAt() == null) {
                errors.add(new FieldError("callbackAt", "required for CALLBACK"));
            } else if (!report.callbackAt().isAfter(now) || report.callbackAt().isAfter(now.plus(MAX_CALLBACK))) {
                errors.add(new FieldError("callbackAt", "must be in the future, within a year"));
            }
        }
        if (report.note() != null && report.note().length() > 1000) {
            errors.add(new FieldError("note", "at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * The attempt, locked, when the actor may settle it: their own attempt, one of their team's (managers), any
     * (admins). Checked before anything else is said about it, so another team's attempt reveals nothing.
     */
    private CallAttempt checked(Connection c, Actor actor, long attemptId) throws SQLException {
        CallAttempt a = QueueStore.lockAttempt(c, attemptId).orElseThrow(() -> new NotFoundException("call attempt", attemptId));
        if (!java.util.Objects.equals(a.userId(), actor.userId()) && !actor.isAdmin()) {
            java.util.Set<Long> members = actor.role() == Role.MANAGER ? team.apply(actor) : java.util.Set.of();
            if (members != null && !members.contains(a.userId())) {
                throw new AccessDeniedException("call attempt " + attemptId + " is not yours to settle");
            }
        }
        if (a.outcome() != null) {
            throw new ConflictException("outcome", "attempt " + attemptId + " already has an outcome: " + a.outcome());
        }
        return a;
    }

    private OutcomeResult apply(Connection c, Actor actor, long attemptId, OutcomeReport report, Instant now)
            throws SQLException {
        CallAttempt a = checked(c, actor, attemptId);
        QueueRow row = QueueStore.lock(c, a.contactId()).orElseThrow(() -> new NotFoundException("queue entry", a.contactId()));
        CallOutcome outcome = report.outcome();
        QueueStore.finishAttempt(c, attemptId, outcome, now, report.note());
        String by = actor.username();
        if (!"CLAIMED".equals(row.status()) || row.claimAttempt() == null || row.claimAttempt() != attemptId) {
            String detail = "late outcome " + outcome + " on attempt " + attemptId + ": the lease had run out, the contact "
                    + "was not moved";
            QueueStore.history(c, a.contactId(), now, "OUTCOME", row.bucketId(), by, detail);
            return new OutcomeResult(attemptId, a.contactId(), outcome, "RECORDED", null, null, null, detail);
        }
        Bucket bucket = bucketById.apply(row.bucketId()).orElseThrow(() -> new NotFoundException("bucket", row.bucketId()));
        if (outcome == CallOutcome.NOT_DIALED) {
            QueueStore.settle(c, row.contactId(), bucket.id(), null, "QUEUED", now, sortKey(bucket, row, row.lastAttemptAt(),
                    row.callbackAt()), row.lastAttemptAt(), row.callbackAt(), null, null, row.attemptsTotal() - 1,
                    row.attemptsInBucket() - 1);
            QueueStore.history(c, row.contactId(), now, "OUTCOME", bucket.id(), by, "NOT_DIALED: back in the queue, attempt not counted");
            return new OutcomeResult(attemptId, row.contactId(), outcome, "RETRY", bucket.name(), now, null, "not dialed");
        }
        Transition t = bucket.transitionFor(outcome);
        Bucket target = bucket;
        Transition.Action action = t.action();
        String finalState = t.finalState();
        int inBucket = row.attemptsInBucket();
        if (action == Transition.Action.MOVE) {
            Optional<Bucket> to = bucketByName.apply(t.toBucket());
            if (to.isEmpty()) {
                action = Transition.Action.FINISH;
                finalState = "BUCKET_MISSING";
            } else {
                target = to.get();
                inBucket = 0;
            }
        }
        String why = "attempt " + attemptId + ": " + outcome + " → " + action + (action == Transition.Action.MOVE ? " to " + target.name() : "");
        if (action != Transition.Action.FINISH && (inBucket >= target.maxAttempts() || row.attemptsTotal() >= target.maxTotalAttempts())) {
            Optional<Bucket> exhausted = Optional.ofNullable(bucket.exhaustedBucket()).flatMap(bucketByName);
            why += "; limit reached (" + inBucket + "/" + target.maxAttempts() + " in bucket, " + row.attemptsTotal() + "/"
                    + target.maxTotalAttempts() + " overall)";
            if (exhausted.isPresent() && exhausted.get().id() != target.id()) {
                target = exhausted.get();
                action = Transition.Action.MOVE;
                inBucket = 0;
                why += " → MOVE to " + target.name();
            } else {
                action = Transition.Action.FINISH;
                finalState = "EXHAUSTED";
            }
        }
        Instant callbackAt = outcome == CallOutcome.CALLBACK ? report.callbackAt() : null;
        Instant due = callbackAt != null ? callbackAt : now.plus(t.delay() == null ? Duration.ZERO : t.delay());
        Instant lastAttempt = a.claimedAt();
        if (action == Transition.Action.FINISH) {
            QueueStore.settle(c, row.contactId(), bucket.id(), null, "FINISHED", now, 0, lastAttempt, null, null, finalState,
                    row.attemptsTotal(), inBucket);
            QueueStore.history(c, row.contactId(), now, "FINISHED", bucket.id(), by, why + " as " + finalState
                    + (report.note() == null ? "" : ": " + report.note()));
            return new OutcomeResult(attemptId, row.contactId(), outcome, "FINISH", bucket.name(), null, finalState, why);
        }
        Long reservedFor = callbackAt != null ? actor.userId() : null;
        QueueStore.settle(c, row.contactId(), target.id(), target.id() != bucket.id() ? now : null, "QUEUED", due,
                sortKey(target, row, lastAttempt, callbackAt), lastAttempt, callbackAt, reservedFor, null,
                row.attemptsTotal(), inBucket);
        QueueStore.history(c, row.contactId(), now, target.id() != bucket.id() ? "MOVED" : "OUTCOME", target.id(), by,
                why + ", due " + due + (report.note() == null ? "" : ": " + report.note()));
        return new OutcomeResult(attemptId, row.contactId(), outcome, action.name(), target.name(), due, null, why);
    }

    private static double sortKey(Bucket b, QueueRow row, Instant lastAttempt, Instant callbackAt) {
        return SortKeys.of(b.order(), row.priority(), row.enteredAt(), lastAttempt, callbackAt);
    }
}
