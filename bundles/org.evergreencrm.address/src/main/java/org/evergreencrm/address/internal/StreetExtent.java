package org.evergreencrm.address.internal;

import java.util.List;

import org.evergreencrm.address.internal.Token.Kind;

/**
 * Where a street address ends when the city follows without a comma ("123 LAKE SHORE DR APT 4 LAKE FOREST"): after
 * the primary number, the street ends at its suffix (a rarer suffix word before an everyday one, "SHORE DR", is
 * part of the name), then a post-directional and a secondary unit may follow. Without a suffix a numbered route
 * ends at its number and a named street ("BROADWAY") is one word.
 */
final class StreetExtent {
    private final Pub28 tables;
    private final Secondary secondary;

    StreetExtent(Pub28 tables) {
        this.tables = tables;
        this.secondary = new Secondary(tables);
    }

    /** The index after the street in t[from, end), leaving at least one token for the city; -1 when unsure. */
    int end(List<Token> t, int from, int end) {
        int i = from;
        if (i < end && t.get(i).is(Kind.NUMBER)) {
            i++;
            if (i < end && t.get(i).text().contains("/")) {
                i++;
            }
        } else if (box(t, i)) {
            while (i < end - 1 && !t.get(i).is(Kind.NUMBER)) {
                i++;
            }
            i++;
            if (i + 1 < end - 1 && (t.get(i).isWord("BOX") || t.get(i).isWord("BX")) && t.get(i + 1).is(Kind.NUMBER)) {
                i += 2;
            }
            return after(t, i, end);
        } else {
            return -1;
        }
        int firstName = i;
        if (i < end - 1 && tables.directional(t.get(i).text()) != null) {
            firstName = i + 1;
        }
        for (int j = firstName + 1; j < end - 1; j++) {
            Token k = t.get(j);
            if (k.is(Kind.HASH) || secondary.at(t, j, end) != null && tables.unit(k.text()) != null) {
                return after(t, j, end);
            }
            String s = k.is(Kind.WORD) ? tables.suffix(k.text()) : null;
            if (s != null) {
                String next = j + 1 < end - 1 ? tables.suffix(t.get(j + 1).text()) : null;
                if (next != null && tables.commonSuffix(next) && !tables.commonSuffix(s)) {
                    continue;
                }
                return after(t, j + 1, end);
            }
            if (k.is(Kind.NUMBER)) {
                return after(t, j + 1, end);
            }
        }
        return firstName + 1 < end ? after(t, firstName + 1, end) : -1;
    }

    /** After the street: an optional post-directional, then an optional secondary unit. */
    private int after(List<Token> t, int i, int end) {
        if (i < end - 1 && t.get(i).is(Kind.WORD) && tables.directional(t.get(i).text()) != null) {
            i++;
        }
        Secondary.Match m = secondary.at(t, i, end);
        if (m != null && m.end() < end) {
            i = m.end();
        }
        return i < end ? i : -1;
    }

    private static boolean box(List<Token> t, int i) {
        if (i >= t.size()) {
            return false;
        }
        String w = t.get(i).text();
        return w.equals("PO") || w.equals("POB") || w.equals("BOX") || w.equals("RR") || w.equals("HC")
                || w.equals("HCR") || w.equals("RFD") || w.equals("P") || w.equals("RURAL") || w.equals("POST");
    }
}
