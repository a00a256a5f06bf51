package org.evergreencrm.api.address;

/**
 * What the ZIP directory knows of a 5-digit ZIP: its place name, state, county (name and 5-digit FIPS), centroid and
 * IANA time zone (from the county in states that span two zones).
 */
public record ZipPlace(String zip, String city, String state, String countyName, String countyFips, double latitude,
        double longitude, String timeZone) {
}
