package org.evergreencrm.api.lead;

/**
 * Where a lead is, as a geocoder placed it: WGS84 degrees and how precise ({@code ROOFTOP}, {@code ZIP9},
 * {@code ZIP5}, ...: the SmartyStreets precision names), and who said so.
 */
public record GeoPoint(double latitude, double longitude, String precision, String by) {
    public GeoPoint {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || Double.isNaN(latitude) || Double.isNaN(longitude)) {
            throw new IllegalArgumentException("not a point on Earth: " + latitude + ", " + longitude);
        }
    }

    /** Great-circle distance in statute miles (haversine, mean Earth radius). */
    public double milesTo(GeoPoint other) {
        double r = 3958.8;
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
