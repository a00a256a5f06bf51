package org.evergreencrm.address.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.evergreencrm.address.internal.Token.Kind;
import org.evergreencrm.api.address.AddressComponents;
import org.evergreencrm.api.address.AddressParser;
import org.evergreencrm.api.address.ParsedAddress;

/**
 * The offline US address parser: tokens, then the last line read from the right (country, ZIP or ZIP+4, state name
 * or code, city up to the typist's comma — or, without one, where the street ends), then the rest split at the
 * typist's boundaries into the recipient or business line(s), the delivery line and any separate unit line. What
 * fits nowhere is returned in {@code unparsed}, never dropped.
 */
public final class UsAddressParser implements AddressParser {
    private final Pub28 tables;
    private final Tokenizer tokenizer;
    private final DeliveryParser delivery;
    private final StreetExtent extent;
    private final Secondary secondary;
    private final PlaceNames places;

    public UsAddressParser() {
        this(PlaceNames.NONE);
    }

    UsAddressParser(PlaceNames places) {
        this.tables = Pub28.get();
        this.tokenizer = new Tokenizer(tables);
        this.delivery = new DeliveryParser(tables);
        this.extent = new StreetExtent(tables);
        this.secondary = new Secondary(tables);
        this.places = places;
    }

    @Override
    public ParsedAddress parse(String... lines) {
        List<Token> t = tokenizer.tokenize(lines == null ? new String[0] : lines);
        List<String> unparsed = new ArrayList<>();
        if (t.isEmpty() && lines != null) {
            // Nothing readable (only punctuation): kept as typed so the caller can show it.
            for (String line : lines) {
                if (line != null && !line.isBlank()) {
                    unparsed.add(line.trim());
                }
            }
        }
        int end = skipSeps(t, dropCountry(t, t.size()));
        int zipEnd = lastZipSegmentEnd(t, end);
        if (zipEnd > 0 && zipEnd < end) {
            // Text after the segment that ends with the ZIP is not part of the address: kept, not read as a city.
            for (List<Token> seg : segments(t, zipEnd, end)) {
                unparsed.add(raw(seg));
            }
            end = zipEnd;
        }
        String zip = null;
        String plus4 = null;
        if (end > 0 && t.get(end - 1).digits() && t.get(end - 1).text().length() == 4 && end > 1
                && t.get(end - 2).digits() && t.get(end - 2).text().length() == 5) {
            zip = t.get(end - 2).text();
            plus4 = t.get(end - 1).text();
            end -= 2;
        } else if (end > 0 && t.get(end - 1).is(Kind.NUMBER)) {
            String z = t.get(end - 1).text();
            if (z.matches("\\d{5}")) {
                zip = z;
            } else if (z.matches("\\d{5}-\\d{4}")) {
                zip = z.substring(0, 5);
                plus4 = z.substring(6);
            } else if (z.matches("\\d{9}")) {
                zip = z.substring(0, 5);
                plus4 = z.substring(5);
            }
            if (zip != null) {
                end--;
            }
        }
        end = skipSeps(t, end);
        String state = null;
        int stateStart = stateStart(t, end, zip != null);
        if (stateStart >= 0) {
            state = tables.stateCode(words(t, stateStart, end));
            end = skipSeps(t, stateStart);
        }
        String city = null;
        int deliveryEnd = end;
        if (state != null || zip != null) {
            int segStart = segmentStart(t, end);
            if (segStart < end && !looksLikeDelivery(t, segStart, end)) {
                city = cityOf(state, zip, t, segStart, end);
                deliveryEnd = segStart;
            } else if (segStart < end && state != null) {
                int split = citySplit(t, segStart, end, state, zip);
                if (split > 0) {
                    city = cityOf(state, zip, t, split, end);
                    deliveryEnd = split;
                }
            }
        } else {
            int segStart = segmentStart(t, end);
            if (segStart > 0 && segStart < end && !looksLikeDelivery(t, segStart, end)
                    && secondary.at(t, segStart, end) == null && hasDeliveryBefore(t, segStart)) {
                city = cityOf(null, null, t, segStart, end);
                deliveryEnd = segStart;
            }
        }
        return assemble(t, skipSeps(t, deliveryEnd), new AddressComponents(null, null, null, null, null, null, null,
                city, state, zip, plus4), unparsed);
    }

    private ParsedAddress assemble(List<Token> t, int end, AddressComponents last, List<String> unparsed) {
        List<List<Token>> segments = segments(t, 0, end);
        int d = -1;
        String lead = null;
        for (int pass = 0; pass < 2 && d < 0; pass++) {
            // First a segment with a number or a box, then an intersection ("BOB & CAROL LEE" is a recipient line).
            for (int s = 0; s < segments.size() && d < 0; s++) {
                List<Token> seg = segments.get(s);
                int k = unitOnly(seg) != null ? -1 : deliveryStart(seg, pass == 1);
                if (k >= 0) {
                    d = s;
                    if (k > 0) {
                        lead = words(seg, 0, k);
                        segments.set(s, seg.subList(k, seg.size()));
                    }
                }
            }
        }
        for (int s = segments.size() - 1; s >= 0 && d < 0; s--) {
            // No number, box or intersection: a street without a number (or a named place), the last plain segment.
            if (unitOnly(segments.get(s)) == null) {
                d = s;
            }
        }
        Delivery line = Delivery.NONE;
        Secondary.Match unit = null;
        List<String> addressee = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            List<Token> seg = segments.get(s);
            Secondary.Match m = unitOnly(seg);
            if (s == d) {
                if (lead != null) {
                    addressee.add(lead);
                }
                line = delivery.parse(seg);
                unparsed.addAll(line.unparsed());
            } else if (s > d && routeWithoutBox(line) && seg.size() == 2 && seg.get(0).isWord("BOX")) {
                line = line.withBox(seg.get(1).text());
            } else if (m != null && unit == null) {
                unit = m;
            } else if (s < d) {
                addressee.add(words(seg, 0, seg.size()));
            } else {
                unparsed.add(raw(seg));
            }
        }
        if (unit != null) {
            if (line.hasSecondary()) {
                unparsed.add(unit.designator() + (unit.number() == null ? "" : " " + unit.number()));
            } else {
                line = line.withSecondary(unit.designator(), unit.number());
            }
        }
        AddressComponents c = new AddressComponents(line.primaryNumber(), line.predirection(), line.streetName(),
                line.suffix(), line.postdirection(), line.secondaryDesignator(), line.secondaryNumber(),
                last.cityName(), last.stateAbbreviation(), last.zipcode(), last.plus4Code());
        return new ParsedAddress(addressee.isEmpty() ? null : String.join(" ", addressee), c, line.crossStreet(),
                unparsed);
    }

    private static boolean routeWithoutBox(Delivery line) {
        String n = line.streetName();
        return line.primaryNumber() == null && n != null && (n.startsWith("RR ") || n.startsWith("HC "));
    }

    /** The segment when it is only a secondary unit ("APT 4", "SUITE 200", "#5"), else {@code null}. */
    private Secondary.Match unitOnly(List<Token> seg) {
        Secondary.Match m = secondary.at(seg, 0, seg.size());
        return m != null && m.end() == seg.size() ? m : null;
    }

    /**
     * Where the delivery line starts in a segment: its first number, box or route (words before it are a recipient:
     * "ACME CORP 12 MAIN ST"), 0 for an intersection, -1 when the segment holds none.
     */
    private int deliveryStart(List<Token> seg, boolean intersections) {
        if (intersections) {
            return DeliveryParser.connector(seg) > 0 ? 0 : -1;
        }
        int connector = DeliveryParser.connector(seg);
        if (connector > 0 && seg.subList(0, connector).stream()
                .noneMatch(x -> x.is(Kind.NUMBER) && !DeliveryParser.ordinal(x))) {
            return -1;
        }
        for (int k = 0; k < seg.size(); k++) {
            Token w = seg.get(k);
            if (w.is(Kind.NUMBER) && k + 1 < seg.size() && !"FL".equals(tables.unit(seg.get(k + 1).text()))) {
                return k;
            }
            if (w.is(Kind.NUMBER) && seg.size() == 1) {
                return k;
            }
            if (k == 0 && boxStart(seg)) {
                return 0;
            }
        }
        return -1;
    }

    private static boolean boxStart(List<Token> seg) {
        String w = seg.get(0).text();
        boolean numberSoon = seg.stream().limit(4).anyMatch(x -> x.is(Kind.NUMBER));
        boolean second = seg.size() > 1;
        if (second && (w.equals("HIGHWAY") || w.equals("HWY")) && seg.get(1).isWord("CONTRACT")) {
            return true;
        }
        if ((w.equals("RT") || w.equals("RTE")) && seg.size() > 2 && seg.get(2).isWord("BOX")) {
            return true;
        }
        return numberSoon && (w.equals("PO") || w.equals("POB") || w.equals("POBOX") || w.equals("BOX")
                || w.equals("RR") || w.equals("RFD") || w.equals("HC") || w.equals("HCR") || w.equals("RURAL")
                || w.equals("POST") || w.equals("STAR") || (w.equals("P") && seg.size() > 1 && seg.get(1).isWord("O")));
    }

    /** Where the city starts inside a segment that also holds the street: by known place names, else by rule. */
    private int citySplit(List<Token> t, int from, int end, String state, String zip) {
        int start = from;
        while (start < end && !t.get(start).is(Kind.NUMBER) && !boxStart(t.subList(start, end))) {
            start++;
        }
        if (start >= end) {
            return -1;
        }
        if (state != null || zip != null) {
            for (int k = start + 1; k < end; k++) {
                if (places.city(state, zip, words(t, k, end)) != null) {
                    return k;
                }
            }
        }
        return extent.end(t, start, end);
    }

    private String cityOf(String state, String zip, List<Token> t, int from, int end) {
        String typed = words(t, from, end);
        String known = places.city(state, zip, typed);
        return known != null ? known : typed.replace('-', ' ');
    }

    /** Whether a segment reads as a delivery line rather than a city: it starts with a number or a box. */
    private boolean looksLikeDelivery(List<Token> t, int from, int end) {
        List<Token> seg = t.subList(from, end);
        return seg.stream().anyMatch(x -> x.is(Kind.NUMBER)) || boxStart(seg);
    }

    private boolean hasDeliveryBefore(List<Token> t, int end) {
        return t.subList(0, end).stream().anyMatch(x -> x.is(Kind.NUMBER)) || boxStart(t.subList(0, end));
    }

    /** The first token of the state ending at {@code end}: the longest state name, or a code. -1 when none. */
    private int stateStart(List<Token> t, int end, boolean zipSeen) {
        for (int n = Math.min(tables.longestStateName(), end); n >= 1; n--) {
            int from = end - n;
            if (t.subList(from, end).stream().anyMatch(x -> !x.is(Kind.WORD))) {
                continue;
            }
            String code = tables.stateCode(words(t, from, end));
            if (code == null || from == 0 && !zipSeen) {
                continue;
            }
            boolean separated = from == 0 || t.get(from - 1).is(Kind.SEP);
            boolean isCode = n == 1 && t.get(from).text().length() == 2;
            // Without a ZIP a state must be set apart by a comma or written as its code ("..., PORTLAND OR").
            if (zipSeen || separated || isCode && from >= 3) {
                return from;
            }
        }
        return -1;
    }

    /** The end of the last segment that ends with a ZIP code, when a later segment holds none; else -1. */
    private static int lastZipSegmentEnd(List<Token> t, int end) {
        for (int i = end - 1; i >= 0; i--) {
            Token k = t.get(i);
            boolean segmentEnd = i + 1 == end || t.get(i + 1).is(Kind.SEP);
            if (segmentEnd && k.is(Kind.NUMBER) && k.text().matches("\\d{5}(-\\d{4})?")) {
                return i + 1 == end || t.subList(i + 1, end).stream().anyMatch(x -> x.is(Kind.NUMBER)) ? -1 : i + 1;
            }
        }
        return -1;
    }

    private static int dropCountry(List<Token> t, int end) {
        int e = skipSeps(t, end);
        for (String[] c : new String[][] {{"USA"}, {"US"}, {"U", "S", "A"}, {"UNITED", "STATES"},
                {"UNITED", "STATES", "OF", "AMERICA"}}) {
            int from = e - c.length;
            if (from > 0 && words(t, from, e).equals(String.join(" ", c))
                    && (t.get(from - 1).is(Kind.SEP) || t.get(from - 1).is(Kind.NUMBER))) {
                return from;
            }
        }
        return e;
    }

    private static int skipSeps(List<Token> t, int end) {
        while (end > 0 && t.get(end - 1).is(Kind.SEP)) {
            end--;
        }
        return end;
    }

    /** The first token after the separator before {@code end}, or 0. */
    private static int segmentStart(List<Token> t, int end) {
        int i = end;
        while (i > 0 && !t.get(i - 1).is(Kind.SEP)) {
            i--;
        }
        return i;
    }

    private static List<List<Token>> segments(List<Token> t, int from, int end) {
        List<List<Token>> out = new ArrayList<>();
        int s = from;
        for (int i = from; i <= end; i++) {
            if (i == end || t.get(i).is(Kind.SEP)) {
                if (i > s) {
                    out.add(new ArrayList<>(t.subList(s, i)));
                }
                s = i + 1;
            }
        }
        return out;
    }

    private static String words(List<Token> t, int from, int end) {
        StringJoiner j = new StringJoiner(" ");
        for (int i = from; i < end; i++) {
            j.add(t.get(i).text());
        }
        return j.toString();
    }

    private static String raw(List<Token> seg) {
        StringJoiner j = new StringJoiner(" ");
        for (Token x : seg) {
            j.add(x.raw());
        }
        return j.toString();
    }
}
