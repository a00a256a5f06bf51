package org.evergreencrm.dedup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names for comparison: lower case, diacritics removed ("José" → "jose"), punctuation dropped ("O'Brien" →
 * "obrien"), and for given names common nicknames mapped to a canonical name ("Bob" → "robert") from
 * {@code nicknames.csv} (canonical name first, then its nicknames).
 */
public final class NameNormalizer {
    private final Map<String, Set<String>> canonicalGiven;

    public NameNormalizer(Map<String, Set<String>> canonicalGiven) {
        this.canonicalGiven = canonicalGiven;
    }

    public static NameNormalizer withBuiltInNicknames() {
        Map<String, Set<String>> map = new HashMap<>();
        try (InputStream in = NameNormalizer.class.getResourceAsStream("nicknames.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split(",");
                String canonical = clean(names[0]);
                for (String n : names) {
                    map.computeIfAbsent(clean(n), k -> new TreeSet<>()).add(canonical);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NameNormalizer(map);
    }

    /** Lower case, no diacritics, letters and single spaces only; {@code null} for blank. */
    public static String clean(String name) {
        if (name == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String cleaned = decomposed.toLowerCase(Locale.ROOT).replaceAll("['’`.]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    public String family(String raw) {
        return clean(raw);
    }

    /** The first word of a given name, cleaned ("Mary-Jane" → "mary"). */
    public String given(String raw) {
        String cleaned = clean(raw);
        return cleaned == null ? null : cleaned.split(" ")[0];
    }

    /**
     * The full names a given name may stand for: itself, and for a known nickname every name it is short for
     * ("bob" → {bob, robert}; "fred" → {alfred, fred, frederick}).
     */
    public Set<String> canonicalGiven(String given) {
        if (given == null) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>(canonicalGiven.getOrDefault(given, Set.of()));
        names.add(given);
        return names;
    }
}
