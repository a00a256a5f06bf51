package org.evergreencrm.compliance.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.evergreencrm.api.compliance.CallTarget;
import org.evergreencrm.api.compliance.Channel;
import org.evergreencrm.api.compliance.ConsentKind;
import org.evergreencrm.api.compliance.ConsentRecord;
import org.evergreencrm.api.compliance.Decision;
import org.evergreencrm.api.compliance.Reason;

/**
 * The decision itself, free of storage: given the number, what the registry lists and the consent records say,
 * and the recent calls, may this person be called at {@code at}? Every failing rule is reported, not only the first.
 */
final class CallPolicy {
    /** What the store knows about a number, fetched in one go. */
    record Facts(List<String> registryLists, List<ConsentRecord> records, List<Instant> recentCalls) {
    }

    private final CallingRules rules;
    private final UsZones usZones;

    CallPolicy(CallingRules rules, UsZones usZones) {
        this.rules = rules;
        this.usZones = usZones;
    }

    CallingRules rules() {
        return rules;
    }

    /** Whether a state rule with a call limit applies, i.e. whether the recent calls must be counted. */
    boolean limitsCalls(CallTarget target, PhoneFacts p) {
        String state = target.state() != null && usZones.isState(target.state()) ? target.state()
                : usZones.stateOfZip(target.postalCode());
        return rules.applicable(state, p.areaCode()).stream().anyMatch(r -> r.maxCallsPer24h() > 0);
    }

    Decision decide(CallTarget target, Optional<PhoneFacts> phone, Facts facts, Instant at) {
        List<Reason> denied = new ArrayList<>();
        List<Reason> checked = new ArrayList<>();
        if (phone.isEmpty()) {
            return new Decision(false, List.of(new Reason("INVALID_PHONE", "no valid US phone number to call: "
                    + (target.phone() == null ? "none" : target.phone()))), null, List.of(), at);
        }
        PhoneFacts p = phone.get();
        Instant retryAt = null;

        Optional<ConsentRecord> latest = latest(facts.records(), Channel.CALL, at);
        if (latest.isPresent() && latest.get().kind() == ConsentKind.REVOKE) {
            ConsentRecord r = latest.get();
            denied.add(new Reason("INTERNAL_DNC", "do-not-call requested by " + r.method() + ", received "
                    + r.receivedAt() + ", recorded by " + r.recordedBy() + ", effective " + r.effectiveAt()));
        }
        boolean consent = latest.isPresent() && latest.get().kind() == ConsentKind.GRANT;
        if (!facts.registryLists().isEmpty()) {
            if (consent) {
                checked.add(new Reason("CONSENT", "on " + String.join(", ", facts.registryLists())
                        + " but express consent recorded " + latest.get().receivedAt() + " by " + latest.get().recordedBy()));
            } else {
                denied.add(new Reason("REGISTRY_DNC", "number is on the do-not-call list "
                        + String.join(", ", facts.registryLists()) + " and no express consent is on record"));
            }
        }

        String state = target.state() != null && usZones.isState(target.state()) ? target.state()
                : usZones.stateOfZip(target.postalCode());
        List<ZoneId> zones = zones(target, p);
        List<CallingRules.StateRule> stateRules = rules.applicable(state, p.areaCode());
        CallingRules.Window window = rules.window(stateRules);
        String windowName = window + (stateRules.isEmpty() ? " (federal)" : " (" + String.join(", ",
                stateRules.stream().map(CallingRules.StateRule::state).toList()) + ")");
        List<String> outside = new ArrayList<>();
        for (ZoneId z : zones) {
            ZonedDateTime local = at.atZone(z);
            if (!window.contains(local.toLocalTime())) {
                outside.add(local.toLocalTime().withNano(0) + " in " + z);
            }
        }
        if (!outside.isEmpty()) {
            denied.add(new Reason("OUTSIDE_CALLING_HOURS", "local time " + String.join(", ", outside)
                    + "; calls allowed " + windowName));
            retryAt = nextOpening(window, zones, at);
        } else {
            checked.add(new Reason("WITHIN_CALLING_HOURS", "allowed " + windowName + " in " + zones));
        }
        for (CallingRules.StateRule r : stateRules) {
            if (r.maxCallsPer24h() > 0) {
                List<Instant> recent = facts.recentCalls().stream().filter(c -> c.isAfter(at.minus(Duration.ofHours(24))))
                        .sorted().toList();
                if (recent.size() >= r.maxCallsPer24h()) {
                    denied.add(new Reason("STATE_CALL_LIMIT", recent.size() + " calls in the last 24 h; " + r.state()
                            + " allows " + r.maxCallsPer24h()));
                    Instant free = recent.get(recent.size() - r.maxCallsPer24h()).plus(Duration.ofHours(24));
                    retryAt = retryAt == null || free.isAfter(retryAt) ? free : retryAt;
                }
            }
        }
        boolean hardDeny = denied.stream().anyMatch(d -> d.code().endsWith("_DNC"));
        if (denied.isEmpty()) {
            return new Decision(true, checked, null, zones.stream().map(ZoneId::getId).toList(), at);
        }
        return new Decision(false, denied, hardDeny ? null : retryAt, zones.stream().map(ZoneId::getId).toList(), at);
    }

    /** Zones from the address and from the number: where they disagree, the call must suit both. */
    List<ZoneId> zones(CallTarget target, PhoneFacts p) {
        Set<ZoneId> zones = new LinkedHashSet<>(usZones.zonesOf(target.state(), target.postalCode()));
        zones.addAll(p.zones());
        if (zones.isEmpty()) {
            zones.addAll(usZones.allStateZones());
        }
        return List.copyOf(zones);
    }

    /** The earliest instant after {@code at} that is inside the window in every zone (within the next week). */
    static Instant nextOpening(CallingRules.Window window, List<ZoneId> zones, Instant at) {
        Instant t = at;
        for (int round = 0; round < 20; round++) {
            boolean moved = false;
            for (ZoneId z : zones) {
                ZonedDateTime local = t.atZone(z);
                if (!window.contains(local.toLocalTime())) {
                    LocalDate day = local.toLocalTime().isBefore(window.from()) ? local.toLocalDate()
                            : local.toLocalDate().plusDays(1);
                    t = day.atTime(window.from()).atZone(z).toInstant();
                    moved = true;
                }
            }
            if (!moved) {
                return t;
            }
        }
        return null;
    }

    /** The record in force for a channel: the latest one (by effective time) already effective at {@code at}. */
    static Optional<ConsentRecord> latest(List<ConsentRecord> records, Channel channel, Instant at) {
        ConsentRecord best = null;
        for (ConsentRecord r : records) {
            if (r.channel() != channel || r.effectiveAt().isAfter(at)) {
                continue;
            }
            if (best == null || r.effectiveAt().isAfter(best.effectiveAt())
                    || r.effectiveAt().equals(best.effectiveAt()) && (r.kind() == ConsentKind.REVOKE && best.kind() != ConsentKind.REVOKE
                            || r.kind() == best.kind() && r.id() > best.id())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }
}
