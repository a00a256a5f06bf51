package org.evergreencrm.leads.internal.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.GeoPoint;

/**
 * The routing settings of {@code etc/org.evergreencrm.leads.cfg}: the chain, territories (states, ZIP prefixes),
 * branches (a point and a radius, with their reps), caps, the performance window, the ZIP centroid file. A setting
 * that cannot be read is left out (its default applies) and listed in {@link #problems()}: a typo in routing must
 * never stop the intake, so leads keep coming in while the admin fixes it ({@code crm:lead-routing} shows it).
 */
public record RoutingConfig(List<String> chain, Map<String, List<String>> territories, Map<String, Branch> branches,
        int dailyCap, int maxOpenLeads, int performanceDays, int performancePrior, double performanceTolerance,
        String zipCentroidsFile, List<String> problems) {
    public static final List<String> DEFAULT_CHAIN = List.of("availability", "territory", "caps", "round-robin");

    /** A branch office: reps who work within {@code radiusMiles} of it. */
    public record Branch(String name, GeoPoint at, double radiusMiles, List<String> reps) {
    }

    public static RoutingConfig from(Map<String, ?> config) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> territories = new HashMap<>();
        Map<String, String> branchAt = new LinkedHashMap<>();
        Map<String, List<String>> branchReps = new HashMap<>();
        for (Map.Entry<String, ?> e : config.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (e.getKey().startsWith("territory.")) {
                territories.put(e.getKey().substring("territory.".length()), list(String.valueOf(e.getValue()), true));
            } else if (e.getKey().startsWith("branchReps.")) {
                branchReps.put(e.getKey().substring("branchReps.".length()), list(String.valueOf(e.getValue()), false));
            } else if (e.getKey().startsWith("branch.")) {
                branchAt.put(e.getKey().substring("branch.".length()), String.valueOf(e.getValue()));
            }
        }
        Map<String, Branch> branches = new LinkedHashMap<>();
        branchAt.forEach((name, text) -> {
            try {
                branches.put(name, branch(name, text, branchReps.getOrDefault(name, List.of())));
            } catch (ValidationException ex) {
                problems.add(ex.getMessage() + " (ignored)");
            }
        });
        branchReps.keySet().stream().filter(name -> !branchAt.containsKey(name))
                .forEach(name -> problems.add("branchReps." + name + " names no branch." + name + " (ignored)"));
        String chainText = text(config, "routingChain", String.join(", ", DEFAULT_CHAIN));
        List<String> chain = list(chainText, false).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (chain.isEmpty()) {
            chain = DEFAULT_CHAIN;
        }
        return new RoutingConfig(chain, Map.copyOf(territories), Map.copyOf(branches), number(config, "dailyCap", 0, problems),
                number(config, "maxOpenLeads", 0, problems), Math.max(1, number(config, "performanceDays", 90, problems)),
                Math.max(0, number(config, "performancePrior", 10, problems)),
                decimal(config, "performanceTolerance", 0.05, problems), text(config, "zipCentroidsFile", ""), List.copyOf(problems));
    }

    private static Branch branch(String name, String text, List<String> reps) {
        String[] p = text.split(",");
        try {
            if (p.length != 3) {
                throw new NumberFormatException();
            }
            return new Branch(name, new GeoPoint(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()), "BRANCH", name),
                    Double.parseDouble(p[2].trim()), reps);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("branch." + name, "\"" + text + "\" is not latitude, longitude, radius in miles (28.54,-81.38,50)");
        }
    }

    private static List<String> list(String text, boolean upper) {
        List<String> out = new ArrayList<>();
        for (String p : text.split(",")) {
            if (!p.isBlank()) {
                out.add(upper ? p.trim().toUpperCase(Locale.ROOT) : p.trim());
            }
        }
        return out;
    }

    private static String text(Map<String, ?> config, String key, String fallback) {
        Object v = config.get(key);
        return v == null || String.valueOf(v).isBlank() ? fallback : String.valueOf(v).trim();
    }

    private static int number(Map<String, ?> config, String key, int fallback, List<String> problems) {
        try {
            return Integer.parseInt(text(config, key, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            problems.add(key + ": not a whole number: " + config.get(key) + " (" + fallback + " used)");
            return fallback;
        }
    }

    private static double decimal(Map<String, ?> config, String key, double fallback, List<String> problems) {
        try {
            return Double.parseDouble(text(config, key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            problems.add(key + ": not a number: " + config.get(key) + " (" + fallback + " used)");
            return fallback;
        }
    }
}
