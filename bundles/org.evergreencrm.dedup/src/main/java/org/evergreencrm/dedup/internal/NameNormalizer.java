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
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern APOSTROPHES = java.util.regex.Pattern.compile("['’`.]");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
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
        String plain = plainAscii(name);
        if (plain != null) {
            return plain;
        }
        String decomposed = Normalizer.isNormalized(name, Normalizer.Form.NFD) ? name
                : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String lower = APOSTROPHES.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll("");
        String cleaned = SEPARATORS.matcher(lower).replaceAll(" ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * The common case without regular expressions: ASCII letters and digits in words separated by single spaces —
     * lower-cased, or {@code null} when the text has anything else (then the general path decides).
     */
    private static String plainAscii(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return null;
        }
        boolean upper = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' && s.charAt(i - 1) != ' ')) {
                return null;
            }
        }
        return upper ? s.toLowerCase(Locale.ROOT) : s;
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
