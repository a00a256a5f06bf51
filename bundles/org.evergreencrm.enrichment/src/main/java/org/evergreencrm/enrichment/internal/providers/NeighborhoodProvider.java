package org.evergreencrm.enrichment.internal.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.address.ZipPlace;
import org.evergreencrm.api.enrichment.EnrichmentProvider;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The neighbourhood from the reference data (GeoNames postal codes in the ZIP directory): city and county of the ZIP,
 * and ZIP-level density — how many ZIP centroids lie within {@value #RADIUS} miles, a proxy for how built-up the area
 * is (ZIPs are drawn for mail volume, so they crowd where people do): {@code urban} at
 * {@value #URBAN} or more, {@code suburban} at {@value #SUBURBAN} or more, else {@code rural}. The thresholds are ours,
 * not a census definition, and the value says so.
 */
@Component(service = EnrichmentProvider.class, property = "service.ranking:Integer=40")
public final class NeighborhoodProvider implements EnrichmentProvider {
    static final int RADIUS = 10;
    static final int URBAN = 25;
    static final int SUBURBAN = 8;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ZipDirectory zips;

    public NeighborhoodProvider() {
    }

    NeighborhoodProvider(ZipDirectory zips) {
        this.zips = zips;
    }

    @Override
    public String name() {
        return "neighborhood";
    }

    @Override
    public String description() {
        return "city, county and ZIP density around the place (GeoNames postal data)";
    }

    @Override
    public List<EnrichmentValue> enrich(EnrichmentSubject s) {
        ZipDirectory z = zips;
        if (z == null || s.zipcode() == null) {
            return List.of();
        }
        Optional<ZipPlace> place = z.zip(s.zipcode());
        if (place.isEmpty()) {
            return List.of(); // no imported data for this ZIP: nothing better than the state, which the address has
        }
        ZipPlace p = place.get();
        String from = "GeoNames postal data for ZIP " + p.zip();
        List<EnrichmentValue> out = new ArrayList<>();
        out.add(new EnrichmentValue("neighborhood", "city", p.city(), null, from, name(), s.now()));
        if (p.countyName() != null) {
            out.add(new EnrichmentValue("neighborhood", "county", p.countyName(), null,
                    from + (p.countyFips() == null ? "" : "; county FIPS " + p.countyFips()), name(), s.now()));
        }
        double lat = s.point() == null ? p.latitude() : s.point().latitude();
        double lng = s.point() == null ? p.longitude() : s.point().longitude();
        int near = z.near(lat, lng, RADIUS, 10_000).size();
        out.add(new EnrichmentValue("neighborhood", "zipsWithin10mi", Integer.toString(near), "ZIPs",
                "ZIP centroids within " + RADIUS + " mi of the " + (s.point() == null ? "ZIP centroid" : "address point"), name(), s.now()));
        String density = near >= URBAN ? "urban" : near >= SUBURBAN ? "suburban" : "rural";
        out.add(new EnrichmentValue("neighborhood", "density", density, null, "from the ZIP count within " + RADIUS
                + " mi (urban ≥ " + URBAN + ", suburban ≥ " + SUBURBAN + "; our thresholds, not the census')", name(), s.now()));
        return out;
    }

    @Override
    public String status() {
        ZipDirectory z = zips;
        return z == null ? "address bundle not running: no ZIP directory" : z.status().message();
    }
}
