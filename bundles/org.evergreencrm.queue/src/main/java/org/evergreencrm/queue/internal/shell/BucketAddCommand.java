package org.evergreencrm.queue.internal.shell;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.queue.ActiveHours;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.BucketDraft;
import org.evergreencrm.api.queue.CallOutcome;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.QueueOrder;
import org.evergreencrm.api.queue.Transition;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "bucket-add", description = "Define a call-queue bucket, e.g. crm:bucket-add --weight 3 --on NO_ANSWER=RETRY:PT2H --on NOT_INTERESTED=MOVE:nurture:P30D fresh")
@Service
public class BucketAddCommand implements Action {
    @Reference
    CallQueue queue;

    @Option(name = "--weight", description = "share in the mix across buckets (default 1)")
    Integer weight;

    @Option(name = "--order", description = "SCORE, AGE, LAST_ATTEMPT or CALLBACK")
    String order;

    @Option(name = "--max-attempts", description = "attempts while in this bucket (default 6)")
    Integer maxAttempts;

    @Option(name = "--max-total", description = "calls over the contact's queue life (default 20)")
    Integer maxTotal;

    @Option(name = "--days", description = "working days, e.g. MON-FRI or MON,WED,SAT (default every day)")
    String days;

    @Option(name = "--hours", description = "working hours in the contact's local time, e.g. 09:00-20:00 (default 08:00-21:00)")
    String hours;

    @Option(name = "--on", multiValued = true, description = "OUTCOME=RETRY:DELAY | OUTCOME=MOVE:BUCKET[:DELAY] | OUTCOME=FINISH[:STATE]")
    List<String> transitions;

    @Option(name = "--exhausted", description = "bucket for contacts that reach a limit (default: finish as EXHAUSTED)")
    String exhausted;

    @Argument(index = 0, name = "name", required = true)
    String name;

    @Override
    public Object execute() {
        List<Transition> ts = new ArrayList<>();
        if (transitions != null) {
            for (String t : transitions) {
                ts.add(parse(t));
            }
        }
        ActiveHours h = null;
        if (days != null || hours != null) {
            String[] hh = (hours == null ? "08:00-21:00" : hours).split("-");
            h = new ActiveHours(days == null ? EnumSet.allOf(DayOfWeek.class) : days(days), LocalTime.parse(hh[0]), LocalTime.parse(hh[1]));
        }
        Bucket b = queue.createBucket(Actor.system(), new BucketDraft(name, weight,
                order == null ? null : QueueOrder.valueOf(order.toUpperCase(Locale.ROOT)), maxAttempts, maxTotal, h, ts, exhausted, null));
        System.out.println("bucket " + b.id() + " " + b.name() + " created");
        return null;
    }

    static Transition parse(String spec) {
        String[] kv = spec.split("=", 2);
        if (kv.length != 2) {
            throw new IllegalArgumentException("expected OUTCOME=ACTION..., got " + spec);
        }
        CallOutcome outcome = CallOutcome.valueOf(kv[0].trim().toUpperCase(Locale.ROOT));
        String[] p = kv[1].split(":");
        Transition.Action action = Transition.Action.valueOf(p[0].trim().toUpperCase(Locale.ROOT));
        return switch (action) {
            case RETRY -> new Transition(outcome, action, null, p.length > 1 ? Duration.parse(p[1]) : null, null);
            case MOVE -> new Transition(outcome, action, p.length > 1 ? p[1] : null, p.length > 2 ? Duration.parse(p[2]) : null, null);
            case FINISH -> new Transition(outcome, action, null, null, p.length > 1 ? p[1] : null);
        };
    }

    static Set<DayOfWeek> days(String spec) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : spec.split(",")) {
            String[] range = part.trim().split("-");
            DayOfWeek from = day(range[0]);
            DayOfWeek to = range.length > 1 ? day(range[1]) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                out.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return out;
    }

    private static DayOfWeek day(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(t) && t.length() >= 2) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a day: " + s);
    }
}
