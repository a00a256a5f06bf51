package org.evergreencrm.leads.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.LeadRoutingStrategy.Narrowed;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.User;

/**
 * Territories: a rep covers a lead when their {@code territory.USERNAME} lists its state or a prefix of its ZIP, or
 * when the lead lies within the radius of a branch the rep works from ({@code branch.NAME} and
 * {@code branchReps.NAME}); the lead's point comes from a geocoder in the pipeline or, failing that, the ZIP
 * centroid. Reps covering the lead are kept; when nobody covers it, everyone stays.
 */
final class TerritoryLink implements Link {
    private final RoutingConfig config;
    private final ZipCentroids zips;

    TerritoryLink(RoutingConfig config, ZipCentroids zips) {
        this.config = config;
        this.zips = zips;
    }

    @Override
    public String name() {
        return "territory";
    }

    @Override
    public String rule() {
        if (config.territories().isEmpty() && config.branches().isEmpty()) {
            return "no territories or branches configured: passes everyone";
        }
        List<String> parts = new ArrayList<>();
        config.territories().forEach((rep, t) -> parts.add(rep + ": " + String.join(", ", t)));
        config.branches().values().forEach(b -> parts.add("branch " + b.name() + " (" + b.at().latitude() + ", "
                + b.at().longitude() + ", " + b.radiusMiles() + " mi): " + String.join(", ", b.reps())));
        return "reps covering the lead's state, ZIP prefix or branch radius (" + String.join("; ", parts)
                + (config.branches().isEmpty() ? "" : "; points from the geocoder, else " + zips.size() + " ZIP centroids")
                + "); nobody covers it: everyone stays";
    }

    @Override
    public Narrowed narrow(RoutingRequest lead, List<User> candidates, RoutingBatch batch) {
        if (config.territories().isEmpty() && config.branches().isEmpty()) {
            return new Narrowed(candidates, null);
        }
        PostalAddress a = lead.profile().contact() == null ? null : lead.profile().contact().address();
        String state = a == null || a.state() == null ? null : a.state().toUpperCase(Locale.ROOT);
        String zip = a == null ? null : a.postalCode();
        GeoPoint at = lead.profile().location() != null ? lead.profile().location() : zips.of(zip).orElse(null);
        List<User> covering = new ArrayList<>();
        List<String> how = new ArrayList<>();
        for (User u : candidates) {
            String why = covers(u.username(), state, zip, at);
            if (why != null) {
                covering.add(u);
                how.add(u.username() + " (" + why + ")");
            }
        }
        String where = state != null ? state : zip != null ? zip : at != null ? "the lead's location" : "an unknown place";
        if (covering.isEmpty()) {
            return new Narrowed(candidates, "no territory covers " + where);
        }
        return new Narrowed(covering, "territory " + where + ": " + String.join(", ", how));
    }

    private String covers(String rep, String state, String zip, GeoPoint at) {
        for (String t : config.territories().getOrDefault(rep, List.of())) {
            if (state != null && t.equals(state)) {
                return "state " + t;
            }
            if (zip != null && !t.isEmpty() && t.chars().allMatch(Character::isDigit) && zip.startsWith(t)) {
                return "ZIP " + t;
            }
        }
        if (at != null) {
            for (Map.Entry<String, RoutingConfig.Branch> e : config.branches().entrySet()) {
                RoutingConfig.Branch b = e.getValue();
                if (b.reps().contains(rep)) {
                    double miles = b.at().milesTo(at);
                    if (miles <= b.radiusMiles()) {
                        return String.format(Locale.ROOT, "%.0f mi from branch %s", miles, b.name());
                    }
                }
            }
        }
        return null;
    }
}
