package org.evergreencrm.leads.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import org.evergreencrm.api.security.User;

/**
 * The assignment chain after "the existing contact's owner": territory (reps whose territory lists the lead's
 * state or a prefix of its ZIP), then workload (reps at their daily cap are skipped), then round-robin among the
 * rest. Configured in {@code etc/org.evergreencrm.leads.cfg}: {@code territory.USERNAME = FL, OK, 336} and
 * {@code dailyCap = 40} (0 = no cap). Every choice comes with its reason in words.
 */
final class RoutingRules {
    record Choice(User rep, String reason) {
    }

    private final Map<String, List<String>> territories;
    private final int dailyCap;

    RoutingRules(Map<String, List<String>> territories, int dailyCap) {
        this.territories = Map.copyOf(territories);
        this.dailyCap = dailyCap;
    }

    static RoutingRules from(Map<String, ?> config) {
        Map<String, List<String>> t = new HashMap<>();
        int cap = 0;
        for (Map.Entry<String, ?> e : config.entrySet()) {
            if (e.getKey().startsWith("territory.") && e.getValue() != null) {
                List<String> parts = new ArrayList<>();
                for (String p : String.valueOf(e.getValue()).split(",")) {
                    if (!p.isBlank()) {
                        parts.add(p.trim().toUpperCase(Locale.ROOT));
                    }
                }
                t.put(e.getKey().substring("territory.".length()), parts);
            } else if (e.getKey().equals("dailyCap") && e.getValue() != null) {
                cap = Integer.parseInt(String.valueOf(e.getValue()).trim());
            }
        }
        return new RoutingRules(t, cap);
    }

    /**
     * @param reps active reps, in a stable order
     * @param assignedToday leads assigned today per rep id
     * @param nextPosition the round-robin position (given the number of candidates, answers the turn)
     */
    Choice choose(List<User> reps, String state, String zip, Map<Long, Long> assignedToday, LongUnaryOperator nextPosition) {
        if (reps.isEmpty()) {
            return new Choice(null, "no active rep to assign to: left unassigned for a manager");
        }
        List<User> candidates = reps;
        StringBuilder why = new StringBuilder();
        List<User> local = reps.stream().filter(r -> covers(territories.get(r.username()), state, zip)).toList();
        if (!local.isEmpty()) {
            candidates = local;
            why.append("territory ").append(state == null ? zip : state).append(": ")
                    .append(String.join(", ", local.stream().map(User::username).toList())).append("; ");
        } else if (!territories.isEmpty()) {
            why.append("no territory covers ").append(state == null ? zip : state).append("; ");
        }
        if (dailyCap > 0) {
            List<User> free = candidates.stream().filter(r -> assignedToday.getOrDefault(r.id(), 0L) < dailyCap).toList();
            if (free.isEmpty()) {
                return new Choice(null, why + "every candidate reached the daily cap of " + dailyCap + ": left unassigned for a manager");
            }
            if (free.size() < candidates.size()) {
                why.append(candidates.size() - free.size()).append(" at the daily cap of ").append(dailyCap).append("; ");
            }
            candidates = free;
        }
        long position = nextPosition.applyAsLong(candidates.size());
        User rep = candidates.get((int) (position % candidates.size()));
        why.append("round-robin: ").append(rep.username()).append(" is next of ").append(candidates.size()).append(" (turn ")
                .append(position + 1).append(')');
        return new Choice(rep, why.toString());
    }

    private static boolean covers(List<String> territory, String state, String zip) {
        if (territory == null) {
            return false;
        }
        for (String t : territory) {
            if (state != null && t.equalsIgnoreCase(state) || zip != null && t.chars().allMatch(Character::isDigit) && zip.startsWith(t)) {
                return true;
            }
        }
        return false;
    }
}
