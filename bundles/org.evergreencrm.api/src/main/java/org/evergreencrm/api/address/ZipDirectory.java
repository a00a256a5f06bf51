package org.evergreencrm.api.address;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The one offline geocoder: ZIP → place, county, centroid and time zone, from GeoNames postal data imported into the
 * database. Without imported data it knows only states (from the ZIP's first three digits) and says so in
 * {@link #status()}.
 */
public interface ZipDirectory {

    /** The place of a 5-digit ZIP (a ZIP+4 or a 9-digit ZIP is cut to 5), or empty when not known. */
    Optional<ZipPlace> zip(String zip);

    /** The state a ZIP belongs to, from the imported data or else its first three digits; {@code null} when unknown. */
    String stateOf(String zip);

    /** The time zone of an address: the ZIP's county when known, else the state's main zone; empty when neither is known. */
    Optional<ZoneId> timeZone(String state, String zip);

    /** Places whose ZIP or city starts with {@code prefix} (case-insensitive), at most {@code max}, for autocomplete. */
    List<ZipPlace> suggest(String prefix, String state, int max);

    /**
     * The ZIPs whose centroid lies within {@code miles} of a point, nearest first (at most {@code max}); empty without
     * imported data. Neighbourhood density and "nearest" questions use it.
     */
    default List<ZipPlace> near(double latitude, double longitude, double miles, int max) {
        return List.of();
    }

    ZipDataStatus status();

    /** How much the directory knows: rows imported, from where and when; {@code stateLevelOnly} when nothing was imported. */
    record ZipDataStatus(long zips, String source, java.time.Instant importedAt, boolean stateLevelOnly, String message) {
    }
}
