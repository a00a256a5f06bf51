package org.evergreencrm.compliance.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.ValidationException;

/**
 * The calling windows and limits: the federal window (47 CFR 64.1200(c)(1): 8:00–21:00 local) and state rules on
 * top, each applying when the person's address is in the state or the number's area code belongs to it (FL and OK
 * key on the area code). Read from {@code etc/org.evergreencrm.compliance.cfg}:
 * {@code federal.window=08:00-21:00}, {@code state.FL.window=08:00-20:00}, {@code state.FL.maxCallsPer24h=3},
 * {@code state.FL.areaCodes=239,305,...}.
 */
final class CallingRules {
    record Window(LocalTime from, LocalTime to) {
        boolean contains(LocalTime t) {
            return !t.isBefore(from) && t.isBefore(to);
        }

        @Override
        public String toString() {
            return from + "–" + to;
        }
    }

    record StateRule(String state, Window window, int maxCallsPer24h, Set<Integer> areaCodes) {
    }

    private final Window federal;
    private final Map<String, StateRule> states;

    CallingRules(Window federal, Map<String, StateRule> states) {
        this.federal = federal;
        this.states = Map.copyOf(states);
    }

    Window federal() {
        return federal;
    }

    Map<String, StateRule> states() {
        return states;
    }

    /** The state rules that apply to a person in {@code state} called on area code {@code areaCode}. */
    List<StateRule> applicable(String state, int areaCode) {
        List<StateRule> out = new ArrayList<>();
        for (StateRule r : states.values()) {
            if (r.state().equalsIgnoreCase(state == null ? "" : state) || r.areaCodes().contains(areaCode)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The narrowest window: the federal one cut by every applicable state rule. */
    Window window(List<StateRule> rules) {
        LocalTime from = federal.from();
        LocalTime to = federal.to();
        for (StateRule r : rules) {
            if (r.window() != null) {
                from = r.window().from().isAfter(from) ? r.window().from() : from;
                to = r.window().to().isBefore(to) ? r.window().to() : to;
            }
        }
        return new Window(from, to);
    }

    static CallingRules from(Map<String, ?> config) {
        Window federal = window("federal.window", String.valueOf(config.get("federal.window") == null ? "08:00-21:00" : config.get("federal.window")));
        Map<String, StateRule> states = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        for (String key : config.keySet()) {
            if (key.startsWith("state.") && key.indexOf('.', 6) > 6) {
                codes.add(key.substring(6, key.indexOf('.', 6)).toUpperCase(Locale.ROOT));
            }
        }
        for (String st : codes) {
            Object w = config.get("state." + st + ".window");
            Object max = config.get("state." + st + ".maxCallsPer24h");
            Object areas = config.get("state." + st + ".areaCodes");
            Set<Integer> areaCodes = new HashSet<>();
            if (areas != null) {
                for (String a : String.valueOf(areas).split(",")) {
                    if (!a.isBlank()) {
                        areaCodes.add(parseInt("state." + st + ".areaCodes", a.trim()));
                    }
                }
            }
            states.put(st, new StateRule(st, w == null ? null : window("state." + st + ".window", String.valueOf(w)),
                    max == null ? 0 : parseInt("state." + st + ".maxCallsPer24h", String.valueOf(max).trim()),
                    Set.copyOf(areaCodes)));
        }
        return new CallingRules(federal, states);
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ValidationException(key, "not a number: " + value);
        }
    }

    static Window window(String key, String value) {
        String[] parts = value.trim().split("-");
        try {
            Window w = new Window(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
            if (!w.from().isBefore(w.to())) {
                throw new ValidationException(key, "the window must start before it ends: " + value);
            }
            return w;
        } catch (RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException(key, "expected HH:MM-HH:MM, got " + value);
        }
    }
}
