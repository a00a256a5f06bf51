package org.evergreencrm.address.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.evergreencrm.address.internal.Token.Kind;

/**
 * Splits typed address lines into tokens. Commas, semicolons and line breaks become {@link Kind#SEP} (they are where
 * the typist put a boundary); {@code #} and {@code &} are tokens of their own; periods and apostrophes vanish
 * ("P.O." → "PO", "O'Neil" → "ONEIL"); hyphens and slashes stay inside numbers and names ("12-34", "1/2",
 * "WILKES-BARRE"); a unit designator glued to its number is split ("APT4" → "APT", "4").
 */
final class Tokenizer {
    /** Route words glued to their number ("RR2", "HC68"). */
    private static final java.util.Set<String> ROUTES = java.util.Set.of("RR", "HC", "HCR", "RT", "RTE", "RFD", "BOX");

    private final Pub28 tables;

    Tokenizer(Pub28 tables) {
        this.tables = tables;
    }

    List<Token> tokenize(String... lines) {
        List<Token> out = new ArrayList<>();
        for (String line : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            if (!out.isEmpty() && !out.get(out.size() - 1).is(Kind.SEP)) {
                out.add(new Token(Kind.SEP, "\n", "\n"));
            }
            scan(line, out);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).is(Kind.SEP)) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private void scan(String line, List<Token> out) {
        StringBuilder word = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '/') {
                word.append(Character.toUpperCase(c));
                raw.append(c);
            } else if (c == '.' || c == '\'' || c == '\u2019') {
                raw.append(c);
                // "1.5 MI" is not an address form; a period between digits is dropped like any other.
            } else {
                flush(word, raw, out);
                if (c == ',' || c == ';' || c == '\n' || c == '\r') {
                    if (!out.isEmpty() && !out.get(out.size() - 1).is(Kind.SEP)) {
                        out.add(new Token(Kind.SEP, ",", String.valueOf(c)));
                    }
                } else if (c == '#') {
                    out.add(new Token(Kind.HASH, "#", "#"));
                } else if (c == '&' || c == '+') {
                    out.add(new Token(Kind.AMP, "&", String.valueOf(c)));
                }
            }
        }
        flush(word, raw, out);
    }

    private void flush(StringBuilder word, StringBuilder raw, List<Token> out) {
        String w = strip(word.toString());
        String r = raw.toString();
        word.setLength(0);
        raw.setLength(0);
        if (w.isEmpty()) {
            return;
        }
        if (Character.isLetter(w.charAt(0))) {
            int d = 0;
            while (d < w.length() && Character.isLetter(w.charAt(d))) {
                d++;
            }
            String letters = w.substring(0, d);
            if (d < w.length() && Character.isDigit(w.charAt(d))
                    && (tables.unit(letters) != null || ROUTES.contains(letters))) {
                out.add(new Token(Kind.WORD, w.substring(0, d), r));
                out.add(new Token(Kind.NUMBER, w.substring(d), r));
                return;
            }
        }
        out.add(new Token(Character.isDigit(w.charAt(0)) ? Kind.NUMBER : Kind.WORD, w.toUpperCase(Locale.ROOT), r));
    }

    private static String strip(String w) {
        int b = 0;
        int e = w.length();
        while (b < e && (w.charAt(b) == '-' || w.charAt(b) == '/')) {
            b++;
        }
        while (e > b && (w.charAt(e - 1) == '-' || w.charAt(e - 1) == '/')) {
            e--;
        }
        return w.substring(b, e);
    }
}
