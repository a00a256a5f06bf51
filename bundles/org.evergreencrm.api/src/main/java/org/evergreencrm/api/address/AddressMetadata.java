package org.evergreencrm.api.address;

/**
 * Where and what an address is, as SmartyStreets' {@code metadata}. {@code recordType}: S street, P PO box, R rural
 * route or highway contract, H high-rise, F firm, G general delivery. {@code precision}: {@code Rooftop}, {@code Zip9},
 * {@code Zip5}, {@code State}, {@code Unknown}. {@code timeZone} is an IANA id ({@code America/Chicago}); {@code utcOffset}
 * is standard time in hours; {@code dst} whether the zone observes daylight saving time. {@code rdi} (Residential /
 * Commercial) is only known to a verifier. {@code countyFips} is the 5-digit state+county code.
 */
public record AddressMetadata(String recordType, String countyName, String countyFips, String rdi, Double latitude,
        Double longitude, String precision, String timeZone, Double utcOffset, Boolean dst) {

    public static final AddressMetadata UNKNOWN = new AddressMetadata(null, null, null, null, null, null, "Unknown", null, null, null);
}
