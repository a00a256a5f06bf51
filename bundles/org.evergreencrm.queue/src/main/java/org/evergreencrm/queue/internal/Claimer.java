package org.evergreencrm.queue.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.evergreencrm.api.compliance.CallTarget;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.compliance.Decision;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.Claim;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.store.jdbc.DecisionLog;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * "Next contact": walks the buckets in mix order, locks a few due entries of a bucket with SKIP LOCKED, re-checks
 * compliance and the bucket's hours for each at claim time, claims the first that passes under a lease and parks
 * the others (due again when they may become callable, with the reason). One short transaction per try.
 */
final class Claimer {
    /** Tuning: entries locked per try, tries per bucket, how long a DNC-blocked entry waits before a re-check. */
    record Settings(Duration lease, int batch, int triesPerBucket, Duration recheck) {
    }

    private record Try(Claim claim, boolean empty) {
    }

    private final DataSource ds;
    private final ComplianceService compliance;
    private final Supplier<List<Bucket>> buckets;
    private final BucketMix mix;
    private final Settings settings;
    private final java.time.Clock clock;
    private final java.util.function.Function<Actor, java.util.Set<Long>> owners;
    /** Told (after the commit) when compliance holds a contact back for a reason it was not held back for before. */
    private volatile Blocked blocked = (contactId, code, reason, until) -> { };

    interface Blocked {
        void blocked(long contactId, String code, String reason, Instant until);
    }

    void onBlocked(Blocked listener) {
        this.blocked = listener;
    }

    /** @param owners whose contacts an actor may claim besides unowned ones ({@code null}: anyone's) */
    Claimer(DataSource ds, ComplianceService compliance, Supplier<List<Bucket>> buckets, BucketMix mix, Settings settings,
            java.time.Clock clock, java.util.function.Function<Actor, java.util.Set<Long>> owners) {
        this.owners = owners;
        this.ds = ds;
        this.compliance = compliance;
        this.buckets = buckets;
        this.mix = mix;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<Claim> next(Actor actor) {
        List<Bucket> eligible = buckets.get().stream().filter(b -> b.teamIds().isEmpty() || actor.isAdmin()
                || actor.teamId() != null && b.teamIds().contains(actor.teamId())).toList();
        List<Bucket> order = mix.order(eligible);
        long total = eligible.stream().mapToLong(Bucket::weight).sum();
        java.util.Set<Long> mine = owners.apply(actor);
        for (Bucket b : order) {
            for (int i = 0; i < settings.triesPerBucket(); i++) {
                Instant now = clock.instant();
                Try t = Jdbc.inTransaction(ds, c -> tryBucket(c, b, actor, mine, now));
                if (t.claim() != null) {
                    mix.served(order.get(0), b, total);
                    return Optional.of(t.claim());
                }
                if (t.empty()) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    private Try tryBucket(Connection c, Bucket b, Actor actor, java.util.Set<Long> mine, Instant now) throws SQLException {
        List<ClaimCandidates.Candidate> rows = ClaimCandidates.candidates(c, b.id(), now, actor.userId(), mine, settings.batch());
        if (rows.isEmpty()) {
            return new Try(null, true);
        }
        for (ClaimCandidates.Candidate candidate : rows) {
            QueueRow row = candidate.row();
            if (candidate.contactName() == null) {
                QueueStore.settle(c, row.contactId(), row.bucketId(), null, "FINISHED", now, 0, row.lastAttemptAt(),
                        null, null, "CONTACT_DELETED", row.attemptsTotal(), row.attemptsInBucket());
                QueueStore.history(c, row.contactId(), now, "FINISHED", b.id(), actor.username(), "the contact was deleted");
                continue;
            }
            Decision d = compliance.check(new CallTarget(row.contactId(), row.phone(), row.state(), row.postalCode()), now, c);
            if (!d.allowed()) {
                DecisionLog.insert(c, row.contactId(), row.phone(), now, "QUEUE_CLAIM", false, d.summary(), actor.username());
                Instant retry = d.retryAt() != null ? d.retryAt() : now.plus(settings.recheck());
                park(c, row, b, retry, d.code(), d.summary(), now);
                if (!Objects.equals(d.code(), row.blockedCode())) {
                    Blocked listener = blocked;
                    Jdbc.afterCommit(() -> listener.blocked(row.contactId(), d.code(), d.summary(), retry));
                }
                continue;
            }
            List<ZoneId> zones = d.zones().stream().map(ZoneId::of).toList();
            if (!BucketHours.open(b.hours(), zones, now)) {
                DecisionLog.insert(c, row.contactId(), row.phone(), now, "QUEUE_CLAIM", true, d.summary(), actor.username());
                Instant open = BucketHours.nextOpen(b.hours(), zones, now);
                park(c, row, b, open == null ? now.plus(settings.recheck()) : open, "BUCKET_HOURS",
                        "bucket " + b.name() + " works " + b.hours().days() + " " + b.hours().from() + "–" + b.hours().to()
                                + " local time in " + zones, now);
                continue;
            }
            Instant leaseUntil = now.plus(settings.lease());
            long attemptId = QueueStore.claim(c, row, b.id(), actor.userId(), actor.username(), now, leaseUntil, d.summary());
            // the claim itself is on record as the attempt row (ContactQueueState.attempts), not repeated in the history
            return new Try(new Claim(attemptId, row.contactId(), candidate.contactName(), row.phone(), b.id(), b.name(),
                    row.attemptsTotal() + 1, leaseUntil, d.summary()), false);
        }
        return new Try(null, false);
    }

    private static void park(Connection c, QueueRow row, Bucket b, Instant until, String code, String reason, Instant now)
            throws SQLException {
        QueueStore.block(c, row.contactId(), until, code, reason);
        if (!Objects.equals(code, row.blockedCode())) {
            QueueStore.history(c, row.contactId(), now, "BLOCKED", b.id(), "compliance", code + " until " + until + ": " + reason);
        }
    }

    /** Gives contacts whose lease ran out back to the queue (their attempt stays counted: the call may have happened). */
    int expire(Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            List<long[]> rows = QueueStore.expiredLeases(c, now, 1000);
            for (long[] r : rows) {
                QueueStore.release(c, r[0], now);
                QueueStore.history(c, r[0], now, "EXPIRED", r[1], "system",
                        "lease ran out without an outcome; the attempt stays counted");
            }
            return rows.size();
        });
    }
}
