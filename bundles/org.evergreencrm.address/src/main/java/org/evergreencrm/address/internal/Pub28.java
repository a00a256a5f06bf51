package org.evergreencrm.address.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The USPS Publication 28 tables the parser reads with: street suffixes (Appendix C1), secondary unit designators
 * (C2), state names (Appendix B) and directionals. Loaded once from this bundle's resources; immutable.
 */
public final class Pub28 {
    private static final Pub28 INSTANCE = load();

    private final Map<String, String> suffixes;
    private final Set<String> commonSuffixes;
    private final Map<String, String> units;
    private final Set<String> unitsWithoutRange;
    private final Map<String, String> stateNames;
    private final Map<String, State> states;
    private final Map<String, String> directionals;
    private final int longestStateName;

    /** A state's code, FIPS code, main IANA zone ({@code null} for the armed forces) and name. */
    public record State(String code, String fips, String zone, String name) {
    }

    private Pub28(Map<String, String> suffixes, Map<String, String> units, Set<String> unitsWithoutRange,
            Map<String, State> states) {
        this.suffixes = Map.copyOf(suffixes);
        this.units = Map.copyOf(units);
        this.unitsWithoutRange = Set.copyOf(unitsWithoutRange);
        this.states = Map.copyOf(states);
        Map<String, String> names = new HashMap<>();
        int longest = 1;
        for (State s : states.values()) {
            names.put(s.name(), s.code());
            longest = Math.max(longest, s.name().split(" ").length);
        }
        lines("state-forms.txt", line -> {
            String[] halves = line.split(":", 2);
            for (String form : halves[1].split("\\|")) {
                names.put(form.trim(), halves[0].trim());
            }
        });
        names.put("US VIRGIN ISLANDS", "VI");
        longest = Math.max(longest, 2);
        this.stateNames = Map.copyOf(names);
        this.longestStateName = longest;
        this.directionals = Map.ofEntries(Map.entry("N", "N"), Map.entry("S", "S"), Map.entry("E", "E"),
                Map.entry("W", "W"), Map.entry("NE", "NE"), Map.entry("NW", "NW"), Map.entry("SE", "SE"),
                Map.entry("SW", "SW"), Map.entry("NORTH", "N"), Map.entry("SOUTH", "S"), Map.entry("EAST", "E"),
                Map.entry("WEST", "W"), Map.entry("NORTHEAST", "NE"), Map.entry("NORTHWEST", "NW"),
                Map.entry("SOUTHEAST", "SE"), Map.entry("SOUTHWEST", "SW"), Map.entry("NORTH-EAST", "NE"),
                Map.entry("NORTH-WEST", "NW"), Map.entry("SOUTH-EAST", "SE"), Map.entry("SOUTH-WEST", "SW"));
        // The suffixes people put on most streets: a rarer suffix word right before one of these is part of the name
        // ("LAKE SHORE DR", "FOREST PARK AVE").
        this.commonSuffixes = Set.of("ST", "AVE", "DR", "RD", "LN", "BLVD", "CT", "PL", "WAY", "CIR", "PKWY", "HWY",
                "TER", "TRL", "LOOP", "SQ", "PIKE", "TPKE", "EXPY", "FWY", "CV", "RUN", "PATH", "ALY", "XING");
    }

    public static Pub28 get() {
        return INSTANCE;
    }

    /** The standard abbreviation of a suffix form ("AVENUE", "AV", "AVE" → "AVE"), or {@code null}. */
    public String suffix(String word) {
        return suffixes.get(word);
    }

    /** Whether this standard abbreviation is one of the everyday ones (ST, AVE, DR …). */
    public boolean commonSuffix(String abbreviation) {
        return commonSuffixes.contains(abbreviation);
    }

    /** The approved abbreviation of a secondary unit designator form ("SUITE" → "STE"), or {@code null}. */
    public String unit(String word) {
        return units.get(word);
    }

    /** Whether the designator stands alone (REAR, BSMT …; Pub 28 "does not require a secondary range"). */
    public boolean unitWithoutRange(String abbreviation) {
        return unitsWithoutRange.contains(abbreviation);
    }

    /** The standard directional ("NORTHEAST" → "NE"), or {@code null}. */
    public String directional(String word) {
        return directionals.get(word);
    }

    /** The code of a state written as a name ("NEW YORK") or a code ("NY"), or {@code null}. */
    public String stateCode(String words) {
        if (states.containsKey(words)) {
            return words;
        }
        return stateNames.get(words);
    }

    public State state(String code) {
        return code == null ? null : states.get(code);
    }

    public List<State> states() {
        return List.copyOf(states.values());
    }

    /** The most words a state's name has ("DISTRICT OF COLUMBIA": 3). */
    public int longestStateName() {
        return longestStateName;
    }

    private static Pub28 load() {
        Map<String, String> suffixes = new HashMap<>();
        Set<String> standards = new HashSet<>();
        List<String[]> groups = new ArrayList<>();
        lines("street-suffixes.txt", line -> {
            String[] halves = line.split(":", 2);
            String[] head = halves[0].trim().split("\\s+");
            groups.add(new String[] {head[0], head[1], halves[1].trim()});
            standards.add(head[0]);
        });
        for (String[] g : groups) {
            for (String form : g[2].split("\\s+")) {
                // A common form that is another group's own standard abbreviation stays with that group (MDW).
                if (!standards.contains(form) || form.equals(g[0])) {
                    suffixes.putIfAbsent(form, g[0]);
                }
            }
        }
        for (String[] g : groups) {
            suffixes.put(g[0], g[0]);
            suffixes.putIfAbsent(g[1], g[0]);
        }
        Map<String, String> units = new HashMap<>();
        Set<String> standalone = new HashSet<>();
        lines("secondary-units.txt", line -> {
            String[] halves = line.split(":", 2);
            String[] head = halves[0].trim().split("\\s+");
            units.put(head[0], head[0]);
            for (String form : halves[1].trim().split("\\s+")) {
                units.put(form, head[0]);
            }
            if (head[1].equals("N")) {
                standalone.add(head[0]);
            }
        });
        Map<String, State> states = new HashMap<>();
        lines("us-states.txt", line -> {
            String[] p = line.trim().split("\\s+", 4);
            states.put(p[0], new State(p[0], p[1].equals("--") ? null : p[1], p[2].equals("-") ? null : p[2], p[3]));
        });
        return new Pub28(suffixes, units, standalone, states);
    }

    static void lines(String resource, Consumer<String> each) {
        try (InputStream in = Pub28.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    each.accept(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
