package org.evergreencrm.address.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.evergreencrm.address.internal.Token.Kind;

/**
 * Reads one delivery line, left to right: a PO box, rural route or highway contract route, or a street address
 * (primary number with fraction, pre-directional, name, suffix, post-directional) or an intersection of two streets;
 * then the secondary unit at its end (Pub 28 213: "the secondary address ... on the same line, after the street").
 */
final class DeliveryParser {
    private final Pub28 tables;
    private final Secondary secondary;

    DeliveryParser(Pub28 tables) {
        this.tables = tables;
        this.secondary = new Secondary(tables);
    }

    Delivery parse(List<Token> t) {
        List<String> unparsed = new ArrayList<>();
        int end = t.size();
        if (end == 0) {
            return Delivery.NONE;
        }
        Delivery box = box(t, end, unparsed);
        if (box != null) {
            return box;
        }
        int i = 0;
        String number = null;
        if (t.get(0).is(Kind.NUMBER) || gridNumber(t.get(0))) {
            number = t.get(0).text();
            i = 1;
            if (i < end && t.get(i).is(Kind.NUMBER) && t.get(i).text().contains("/")) {
                number = number + " " + t.get(i).text();
                i++;
            }
        }
        // The secondary unit: the first designator after the street's first word whose match runs to the end of the
        // line (a unit word inside a name, "OLD FRONT ST", is not one).
        Secondary.Match sec = null;
        for (int p = i + 1; p < end && sec == null; p++) {
            Secondary.Match m = secondary.at(t, p, end);
            if (m != null && m.end() == end) {
                sec = m;
            }
        }
        int streetEnd = sec == null ? end : sec.start();
        List<Token> street = new ArrayList<>();
        for (int p = i; p < streetEnd; p++) {
            if (t.get(p).is(Kind.HASH)) {
                unparsed.add(t.get(p).raw());
            } else {
                street.add(t.get(p));
            }
        }
        String designator = sec == null ? null : sec.designator();
        String unit = sec == null ? null : sec.number();
        if (number != null && ordinal(t.get(0)) && connector(street) >= 0) {
            // "5TH AVE & 34TH ST": the ordinal is the street's name, not a house number.
            street.add(0, t.get(0));
            number = null;
        }
        int cross = number == null ? connector(street) : -1;
        if (cross > 0) {
            String[] a = street(street.subList(0, cross));
            String[] b = street(street.subList(cross + 1, street.size()));
            return new Delivery(null, a[0], a[1], a[2], a[3], designator, unit, join(b), unparsed);
        }
        String[] s = street(street);
        return new Delivery(number, s[0], s[1], s[2], s[3], designator, unit, null, unparsed);
    }

    /** Whether a token is an ordinal number ("1ST", "42ND"), which names a street rather than numbering a house. */
    static boolean ordinal(Token t) {
        return t.is(Kind.NUMBER) && t.text().matches("\\d+(ST|ND|RD|TH)");
    }

    /** Where the connector of an intersection stands ("MAIN ST & 1ST AVE", "MAIN AND ELM"), or -1. */
    static int connector(List<Token> street) {
        for (int p = 1; p < street.size() - 1; p++) {
            Token k = street.get(p);
            if (k.is(Kind.AMP) || k.isWord("AND") || k.isWord("AT")) {
                return p;
            }
        }
        return -1;
    }

    /** A Wisconsin/Utah grid number ("N6W23001"): a directional letter, digits, a letter, digits. */
    private static boolean gridNumber(Token t) {
        return t.is(Kind.WORD) && t.text().matches("[NSEW]\\d+[NSEW]\\d+");
    }

    /** A PO box, rural route or highway contract route, with what follows it; {@code null} when it is none. */
    private Delivery box(List<Token> t, int end, List<String> unparsed) {
        int i;
        String route = null;
        if ((i = words(t, 0, "PO", "BOX")) > 0 || (i = words(t, 0, "P", "O", "BOX")) > 0
                || (i = words(t, 0, "POST", "OFFICE", "BOX")) > 0 || (i = words(t, 0, "POB")) > 0
                || (i = words(t, 0, "POBOX")) > 0 || (i = words(t, 0, "PO")) > 0 && i < end && t.get(i).is(Kind.NUMBER)
                || (i = words(t, 0, "BOX")) > 0 && i < end && t.get(i).is(Kind.NUMBER)) {
            route = "PO BOX";
        } else if ((i = words(t, 0, "RR")) > 0 || (i = words(t, 0, "R", "R")) > 0 || (i = words(t, 0, "RFD")) > 0
                || (i = words(t, 0, "RURAL", "ROUTE")) > 0 || (i = words(t, 0, "RURAL", "RTE")) > 0
                || (i = words(t, 0, "RURAL", "RT")) > 0
                || ((i = words(t, 0, "RT")) > 0 || (i = words(t, 0, "RTE")) > 0) && boxFollows(t, i, end)) {
            route = "RR";
        } else if ((i = words(t, 0, "HC")) > 0 || (i = words(t, 0, "HCR")) > 0
                || (i = words(t, 0, "HIGHWAY", "CONTRACT")) > 0 || (i = words(t, 0, "HWY", "CONTRACT")) > 0
                || (i = words(t, 0, "STAR", "ROUTE")) > 0) {
            route = "HC";
        }
        if (route == null || i >= end) {
            return null;
        }
        if (route.equals("PO BOX")) {
            if (!(t.get(i).is(Kind.NUMBER) || Secondary.range(t.get(i)))) {
                return null;
            }
            return rest(t, i + 1, end, "PO BOX", t.get(i).text(), unparsed);
        }
        if (words(t, i, "ROUTE") > 0 || words(t, i, "RTE") > 0) {
            i++;
        }
        if (i >= end || !t.get(i).is(Kind.NUMBER)) {
            return null;
        }
        String name = route + " " + t.get(i).text();
        i++;
        String boxNumber = null;
        int b = words(t, i, "BOX");
        if (b < 0) {
            b = words(t, i, "BX");
        }
        if (b > 0 && b < end) {
            boxNumber = t.get(b).text();
            i = b + 1;
        }
        return rest(t, i, end, name, boxNumber, unparsed);
    }

    private Delivery rest(List<Token> t, int i, int end, String name, String number, List<String> unparsed) {
        Secondary.Match sec = secondary.at(t, i, end);
        if (sec != null) {
            i = sec.end();
        }
        for (int p = i; p < end; p++) {
            unparsed.add(t.get(p).raw());
        }
        return new Delivery(number, null, name, null, null, sec == null ? null : sec.designator(),
                sec == null ? null : sec.number(), null, unparsed);
    }

    private static boolean boxFollows(List<Token> t, int i, int end) {
        return i + 2 < end && t.get(i).is(Kind.NUMBER) && (t.get(i + 1).isWord("BOX") || t.get(i + 1).isWord("BX"));
    }

    /** The index after the given words when they stand at {@code at}, else -1. */
    private static int words(List<Token> t, int at, String... words) {
        if (at + words.length > t.size()) {
            return -1;
        }
        for (int k = 0; k < words.length; k++) {
            if (!t.get(at + k).isWord(words[k])) {
                return -1;
            }
        }
        return at + words.length;
    }

    /** Pre-directional, name, suffix and post-directional of a street's words (numbers and # already taken). */
    String[] street(List<Token> words) {
        int b = 0;
        int e = words.size();
        String post = null;
        String suffix = null;
        String pre = null;
        if (e - b >= 2 && tables.directional(words.get(e - 1).text()) != null && words.get(e - 1).is(Kind.WORD)) {
            boolean onlySuffixBefore = e - b == 2 && tables.suffix(words.get(b).text()) != null;
            if (!onlySuffixBefore) {
                post = tables.directional(words.get(e - 1).text());
                e--;
            }
        }
        if (e - b >= 2 && words.get(e - 1).is(Kind.WORD) && tables.suffix(words.get(e - 1).text()) != null) {
            suffix = tables.suffix(words.get(e - 1).text());
            e--;
        }
        if (e - b >= 2 && words.get(b).is(Kind.WORD) && tables.directional(words.get(b).text()) != null) {
            pre = tables.directional(words.get(b).text());
            b++;
        }
        String name = name(words.subList(b, e), suffix == null);
        return new String[] {pre, name, suffix, post};
    }

    /** The street name: words as typed except numbered highways and county roads, spelled as USPS writes them. */
    private String name(List<Token> words, boolean noSuffix) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k).text();
            boolean numberNext = k + 1 < words.size() && words.get(k + 1).is(Kind.NUMBER);
            boolean numberAfterNext = k + 2 < words.size() && words.get(k + 2).is(Kind.NUMBER);
            if (numberNext && ("HWY".equals(tables.suffix(w)))) {
                out.add("HIGHWAY");
            } else if (numberNext && w.equals("CR")) {
                out.add("COUNTY ROAD");
            } else if (numberAfterNext && (w.equals("CO") || w.equals("CNTY")) && words.get(k + 1).isWord("RD")) {
                out.add("COUNTY ROAD");
                k++;
            } else if (numberNext && (w.equals("RT") || w.equals("RTE"))) {
                out.add("ROUTE");
            } else if (k == 0 && noSuffix && words.size() > 1 && w.equals("AVE")) {
                // An avenue named by what follows is spelled out ("AVE N" → "AVENUE N", "AVE OF THE AMERICAS").
                out.add("AVENUE");
            } else {
                out.add(w);
            }
        }
        return out.isEmpty() ? null : String.join(" ", out);
    }

    private static String join(String[] street) {
        StringJoiner j = new StringJoiner(" ");
        for (String s : street) {
            if (s != null) {
                j.add(s);
            }
        }
        return j.length() == 0 ? null : j.toString();
    }
}
