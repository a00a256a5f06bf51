package org.evergreencrm.address.internal;

import java.util.List;

import org.evergreencrm.address.internal.Token.Kind;

/**
 * Secondary unit designators (Pub 28 213, Appendix C2) at a position: "APT 4", "SUITE 200", "# 4" (unknown
 * designator: "#"), "APT # 4", "REAR" (needs no range), "3RD FLOOR" (range before the designator → "FL 3").
 */
final class Secondary {
    /** A designator and its range over tokens [start, end). */
    record Match(String designator, String number, int start, int end) {
    }

    private final Pub28 tables;

    Secondary(Pub28 tables) {
        this.tables = tables;
    }

    /** The secondary unit starting exactly at {@code at}, or {@code null}. */
    Match at(List<Token> t, int at, int end) {
        if (at >= end) {
            return null;
        }
        Token first = t.get(at);
        if (first.is(Kind.HASH)) {
            int r = at + 1;
            return r < end && range(t.get(r)) ? new Match("#", t.get(r).text(), at, r + 1) : null;
        }
        if (first.is(Kind.NUMBER) && at + 1 < end && "FL".equals(tables.unit(t.get(at + 1).text()))) {
            return new Match("FL", floorNumber(first), at, at + 2);
        }
        String unit = first.is(Kind.WORD) ? tables.unit(first.text()) : null;
        if (unit == null) {
            return null;
        }
        int r = at + 1;
        if (r < end && t.get(r).is(Kind.HASH)) {
            r++;
        }
        if (r + 1 < end && t.get(r).is(Kind.NUMBER) && "FL".equals(tables.unit(t.get(r + 1).text()))) {
            return new Match("FL", floorNumber(t.get(r)), at, r + 2);
        }
        if (r < end && range(t.get(r))) {
            return new Match(unit, t.get(r).text(), at, r + 1);
        }
        if (tables.unitWithoutRange(unit)) {
            return new Match(unit, null, at, at + 1);
        }
        return null;
    }

    /** A range: a number ("4", "4B", "12-B"), a single letter, or letters and digits ("B2"). */
    static boolean range(Token t) {
        if (t.is(Kind.NUMBER)) {
            return true;
        }
        if (!t.is(Kind.WORD)) {
            return false;
        }
        String s = t.text();
        return s.length() == 1 || (s.length() <= 6 && s.chars().anyMatch(Character::isDigit));
    }

    /** "3RD" → "3": a floor is numbered without its ordinal ending ("FL 3"). */
    private static String floorNumber(Token t) {
        return t.text().replaceAll("(?<=\\d)(ST|ND|RD|TH)$", "");
    }
}
