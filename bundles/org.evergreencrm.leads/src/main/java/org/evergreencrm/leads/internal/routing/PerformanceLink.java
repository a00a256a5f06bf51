package org.evergreencrm.leads.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.evergreencrm.api.lead.LeadRoutingStrategy.Narrowed;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.User;

/**
 * Rep performance: the close rate of the leads each rep got in the last {@code performanceDays} (customers among
 * those decided either way), shrunk towards the team's rate by {@code performancePrior} pseudo-leads so a rep with
 * three lucky leads does not top the list; keeps the reps within {@code performanceTolerance} of the best.
 */
final class PerformanceLink implements Link {
    private final RoutingConfig config;

    PerformanceLink(RoutingConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "performance";
    }

    @Override
    public String rule() {
        return String.format(Locale.ROOT, "the best close rates over %d days (shrunk towards the team's by %d leads), within %.0f points of the best",
                config.performanceDays(), config.performancePrior(), config.performanceTolerance() * 100);
    }

    /** The smoothed close rate of each candidate, in order. */
    static double[] rates(List<User> candidates, RoutingBatch batch, int prior) {
        long won = 0;
        long decided = 0;
        for (RoutingStore.CloseRate r : batch.closeRates.values()) {
            won += r.won();
            decided += r.decided();
        }
        double team = decided == 0 ? 0 : (double) won / decided;
        double[] out = new double[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            RoutingStore.CloseRate r = batch.closeRates.getOrDefault(candidates.get(i).id(), new RoutingStore.CloseRate(0, 0));
            out[i] = r.decided() + prior == 0 ? 0 : (r.won() + prior * team) / (r.decided() + prior);
        }
        return out;
    }

    @Override
    public Narrowed narrow(RoutingRequest lead, List<User> candidates, RoutingBatch batch) {
        double[] rates = rates(candidates, batch, config.performancePrior());
        double best = 0;
        for (double r : rates) {
            best = Math.max(best, r);
        }
        List<User> keep = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            User u = candidates.get(i);
            RoutingStore.CloseRate r = batch.closeRates.getOrDefault(u.id(), new RoutingStore.CloseRate(0, 0));
            shown.add(String.format(Locale.ROOT, "%s %.0f%% (%d/%d)", u.username(), rates[i] * 100, r.won(), r.decided()));
            if (rates[i] >= best - config.performanceTolerance()) {
                keep.add(u);
            }
        }
        if (keep.size() == candidates.size()) {
            return new Narrowed(candidates, candidates.size() > 1 ? "close rates alike (" + String.join(", ", shown) + ")" : null);
        }
        return new Narrowed(keep, "best close rate: " + Link.names(keep) + " (" + String.join(", ", shown) + ")");
    }
}
