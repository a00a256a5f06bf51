package org.evergreencrm.api.address;

import java.util.StringJoiner;

/** Joins components into the lines a mail piece carries (USPS Publication 28 order). */
public final class AddressLines {
    private AddressLines() {
    }

    public static String deliveryLine(AddressComponents c, String crossStreet) {
        StringJoiner j = new StringJoiner(" ");
        boolean boxType = c.streetName() != null && (c.streetName().equals("PO BOX") || c.streetName().startsWith("RR ")
                || c.streetName().startsWith("HC "));
        if (boxType) {
            add(j, c.streetName());
            if (!c.streetName().equals("PO BOX") && c.primaryNumber() != null) {
                add(j, "BOX");
            }
            add(j, c.primaryNumber());
        } else {
            add(j, c.primaryNumber());
            add(j, c.streetPredirection());
            add(j, c.streetName());
            add(j, c.streetSuffix());
            add(j, c.streetPostdirection());
        }
        if (crossStreet != null && !crossStreet.isBlank()) {
            add(j, "&");
            add(j, crossStreet);
        }
        add(j, c.secondaryDesignator());
        add(j, c.secondaryNumber());
        String s = j.toString();
        return s.isEmpty() ? null : s;
    }

    public static String lastLine(AddressComponents c) {
        StringJoiner j = new StringJoiner(" ");
        add(j, c.cityName());
        add(j, c.stateAbbreviation());
        if (c.zipcode() != null) {
            add(j, c.plus4Code() == null ? c.zipcode() : c.zipcode() + "-" + c.plus4Code());
        }
        String s = j.toString();
        return s.isEmpty() ? null : s;
    }

    private static void add(StringJoiner j, String part) {
        if (part != null && !part.isBlank()) {
            j.add(part);
        }
    }
}
