package org.evergreencrm.api.address;

/**
 * The parts of a US address, named as SmartyStreets' {@code components}: all upper case and standardized (USPS
 * Publication 28), {@code null} when absent. A PO box has {@code streetName = "PO BOX"} and the box number as
 * {@code primaryNumber}; a rural route or highway contract route has {@code streetName = "RR 2"} / {@code "HC 68"}
 * and the box as {@code primaryNumber}.
 */
public record AddressComponents(String primaryNumber, String streetPredirection, String streetName, String streetSuffix,
        String streetPostdirection, String secondaryDesignator, String secondaryNumber, String cityName,
        String stateAbbreviation, String zipcode, String plus4Code) {

    public static final AddressComponents EMPTY = new AddressComponents(null, null, null, null, null, null, null, null, null, null, null);

    public AddressComponents withCity(String city, String state, String zip) {
        return new AddressComponents(primaryNumber, streetPredirection, streetName, streetSuffix, streetPostdirection,
                secondaryDesignator, secondaryNumber, city, state, zip, plus4Code);
    }
}
