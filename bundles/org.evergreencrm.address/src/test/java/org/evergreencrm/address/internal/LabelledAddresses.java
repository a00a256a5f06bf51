package org.evergreencrm.address.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.address.AddressComponents;
import org.evergreencrm.api.address.ParsedAddress;

/** The hand-labelled test set (labelled-addresses.tsv) and the accuracy of a parser on it. */
final class LabelledAddresses {
    static final String[] FIELDS = {"primaryNumber", "streetPredirection", "streetName", "streetSuffix",
        "streetPostdirection", "secondaryDesignator", "secondaryNumber", "cityName", "stateAbbreviation", "zipcode",
        "plus4Code", "addressee", "crossStreet"};

    record Case(int line, String input, String[] expected) {
        String[] lines() {
            return input.split("\\\\n");
        }
    }

    /** Components compared (present in the label or the answer), components right, whole addresses right. */
    record Score(int cases, int compared, int right, int wholeRight, List<String> misses) {
        double componentAccuracy() {
            return compared == 0 ? 0 : (double) right / compared;
        }

        double wholeAccuracy() {
            return cases == 0 ? 0 : (double) wholeRight / cases;
        }
    }

    static List<Case> load() {
        return load("labelled-addresses.tsv");
    }

    static List<Case> load(String resource) {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LabelledAddresses.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                out.add(new Case(n, cols[0], cols[1].split("\\|", -1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String[] actual(ParsedAddress p) {
        AddressComponents c = p.components();
        return new String[] {c.primaryNumber(), c.streetPredirection(), c.streetName(), c.streetSuffix(),
            c.streetPostdirection(), c.secondaryDesignator(), c.secondaryNumber(), c.cityName(), c.stateAbbreviation(),
            c.zipcode(), c.plus4Code(), p.addressee(), p.crossStreet()};
    }

    static Score score(UsAddressParser parser, List<Case> cases) {
        int compared = 0;
        int right = 0;
        int whole = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            String[] got = actual(parser.parse(c.lines()));
            boolean all = true;
            for (int f = 0; f < FIELDS.length; f++) {
                String want = c.expected()[f].isEmpty() ? null : c.expected()[f];
                if (want == null && got[f] == null) {
                    continue;
                }
                compared++;
                if (want != null && want.equals(got[f])) {
                    right++;
                } else {
                    all = false;
                    misses.add("line " + c.line() + " " + FIELDS[f] + ": expected " + want + ", got " + got[f]
                            + "   <- " + c.input());
                }
            }
            if (all) {
                whole++;
            }
        }
        return new Score(cases.size(), compared, right, whole, misses);
    }
}
