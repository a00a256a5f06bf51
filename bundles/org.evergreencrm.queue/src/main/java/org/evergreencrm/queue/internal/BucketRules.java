package org.evergreencrm.queue.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.queue.ActiveHours;
import org.evergreencrm.api.queue.BucketDraft;
import org.evergreencrm.api.queue.CallOutcome;
import org.evergreencrm.api.queue.QueueOrder;
import org.evergreencrm.api.queue.Transition;
import org.evergreencrm.api.queue.Transition.Action;

/**
 * Checks a bucket definition and fills in the defaults; every field at fault is reported at once. Returns the
 * definition as stored (one transition per outcome).
 */
final class BucketRules {
    /** What is stored in {@code queue_bucket.definition}, besides the name. */
    record Definition(int weight, QueueOrder order, int maxAttempts, int maxTotalAttempts, ActiveHours hours,
            List<Transition> transitions, String exhaustedBucket, Set<Long> teamIds) {
    }

    /** No working hours of its own: only the legal calling window (compliance) limits when contacts are called. */
    static final ActiveHours ALL_DAY = new ActiveHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX);
    private static final Duration MAX_DELAY = Duration.ofDays(365);

    private BucketRules() {
    }

    static Transition defaultFor(CallOutcome o) {
        return switch (o) {
            case NO_ANSWER, BUSY -> new Transition(o, Action.RETRY, null, Duration.ofHours(4), null);
            case VOICEMAIL -> new Transition(o, Action.RETRY, null, Duration.ofDays(1), null);
            case CALLBACK -> new Transition(o, Action.RETRY, null, Duration.ZERO, null);
            case NOT_DIALED -> new Transition(o, Action.RETRY, null, Duration.ZERO, null);
            default -> new Transition(o, Action.FINISH, null, Duration.ZERO, o.name());
        };
    }

    /**
     * @param bucketExists whether a bucket of that name exists (for MOVE targets and the exhausted bucket)
     */
    static Definition check(BucketDraft d, Predicate<String> bucketExists) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw new ValidationException("body", "a bucket definition is required");
        }
        if (d.name() == null || d.name().isBlank()) {
            errors.add(new FieldError("name", "required"));
        } else if (d.name().length() > 100) {
            errors.add(new FieldError("name", "at most 100 characters"));
        }
        int weight = d.weight() == null ? 1 : d.weight();
        if (weight < 0 || weight > 1000) {
            errors.add(new FieldError("weight", "between 0 (paused) and 1000"));
        }
        int max = d.maxAttempts() == null ? 6 : d.maxAttempts();
        if (max < 1 || max > 100) {
            errors.add(new FieldError("maxAttempts", "between 1 and 100"));
        }
        int maxTotal = d.maxTotalAttempts() == null ? 20 : d.maxTotalAttempts();
        if (maxTotal < 1 || maxTotal > 1000) {
            errors.add(new FieldError("maxTotalAttempts", "between 1 and 1000"));
        }
        ActiveHours hours = d.hours() == null ? ALL_DAY : d.hours();
        if (hours.days() == null || hours.days().isEmpty()) {
            errors.add(new FieldError("hours.days", "at least one day"));
        }
        if (hours.from() == null || hours.to() == null || !hours.from().isBefore(hours.to())) {
            errors.add(new FieldError("hours", "from and to are required and from must be before to"));
        }
        Map<CallOutcome, Transition> byOutcome = new EnumMap<>(CallOutcome.class);
        List<Transition> given = d.transitions() == null ? List.of() : d.transitions();
        for (int i = 0; i < given.size(); i++) {
            Transition t = given.get(i);
            String at = "transitions[" + i + "]";
            if (t == null || t.outcome() == null) {
                errors.add(new FieldError(at + ".outcome", "required, one of " + List.of(CallOutcome.values())));
                continue;
            }
            if (byOutcome.containsKey(t.outcome())) {
                errors.add(new FieldError(at + ".outcome", t.outcome() + " is given twice"));
                continue;
            }
            if (t.action() == null) {
                errors.add(new FieldError(at + ".action", "required: RETRY, MOVE or FINISH"));
                continue;
            }
            if (t.outcome() == CallOutcome.NOT_DIALED) {
                errors.add(new FieldError(at + ".outcome", "NOT_DIALED always returns the contact untouched"));
                continue;
            }
            if ((t.outcome() == CallOutcome.DO_NOT_CALL || t.outcome() == CallOutcome.WRONG_NUMBER) && t.action() != Action.FINISH) {
                errors.add(new FieldError(at + ".action", t.outcome() + " must FINISH: the number may not be called again"));
            }
            Duration delay = t.delay() == null ? Duration.ZERO : t.delay();
            if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
                errors.add(new FieldError(at + ".delay", "between PT0S and P365D"));
            }
            if (t.action() == Action.MOVE && (t.toBucket() == null || !bucketExists.test(t.toBucket())
                    && !t.toBucket().equals(d.name()))) {
                errors.add(new FieldError(at + ".toBucket", "MOVE needs an existing bucket: " + t.toBucket()));
            }
            String finalState = t.action() == Action.FINISH ? (t.finalState() == null || t.finalState().isBlank()
                    ? t.outcome().name() : t.finalState().trim()) : null;
            if (finalState != null && finalState.length() > 32) {
                errors.add(new FieldError(at + ".finalState", "at most 32 characters"));
            }
            byOutcome.put(t.outcome(), new Transition(t.outcome(), t.action(),
                    t.action() == Action.MOVE ? t.toBucket() : null, delay, finalState));
        }
        if (d.exhaustedBucket() != null && !d.exhaustedBucket().isBlank() && !bucketExists.test(d.exhaustedBucket())) {
            errors.add(new FieldError("exhaustedBucket", "no bucket named " + d.exhaustedBucket()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Transition> all = new ArrayList<>();
        for (CallOutcome o : CallOutcome.values()) {
            all.add(byOutcome.getOrDefault(o, defaultFor(o)));
        }
        return new Definition(weight, d.order() == null ? QueueOrder.SCORE : d.order(), max, maxTotal,
                new ActiveHours(EnumSet.copyOf(hours.days()), hours.from(), hours.to()), List.copyOf(all),
                d.exhaustedBucket() == null || d.exhaustedBucket().isBlank() ? null : d.exhaustedBucket(),
                d.teamIds() == null ? Set.of() : Set.copyOf(d.teamIds()));
    }
}
