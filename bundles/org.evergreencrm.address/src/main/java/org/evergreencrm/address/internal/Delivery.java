package org.evergreencrm.address.internal;

import java.util.List;

/** What {@link DeliveryParser} read from a delivery line; component values standardized, {@code null} when absent. */
record Delivery(String primaryNumber, String predirection, String streetName, String suffix, String postdirection,
        String secondaryDesignator, String secondaryNumber, String crossStreet, List<String> unparsed) {
    Delivery {
        unparsed = List.copyOf(unparsed);
    }

    static final Delivery NONE = new Delivery(null, null, null, null, null, null, null, null, List.of());

    Delivery withSecondary(String designator, String number) {
        return new Delivery(primaryNumber, predirection, streetName, suffix, postdirection, designator, number,
                crossStreet, unparsed);
    }

    Delivery withBox(String box) {
        return new Delivery(box, predirection, streetName, suffix, postdirection, secondaryDesignator, secondaryNumber,
                crossStreet, unparsed);
    }

    boolean hasSecondary() {
        return secondaryDesignator != null || secondaryNumber != null;
    }
}
