package org.evergreencrm.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How search words become LIKE patterns on a contact's {@code search_text} (lower case; phone numbers by their digits),
 * for every bundle that searches contacts, so "(555) 010-2030" finds "+1 555 010 2030" everywhere.
 */
public final class SearchPatterns {
    private SearchPatterns() {
    }

    /** LIKE patterns (with {@code \} as escape) that must all match, one per search word. */
    public static List<String> of(String query) {
        List<String> patterns = new ArrayList<>();
        if (query == null) {
            return patterns;
        }
        for (String word : query.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String term = looksLikePhone(word) ? digits(word) : word;
            if (!term.isEmpty()) {
                patterns.add("%" + escapeLike(term) + "%");
            }
        }
        return patterns;
    }

    public static boolean looksLikePhone(String word) {
        return word.chars().anyMatch(Character::isDigit) && word.chars().allMatch(c -> Character.isDigit(c) || "+-().".indexOf(c) >= 0);
    }

    public static String digits(String s) {
        return s == null ? "" : s.replaceAll("\\D", "");
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
