package org.evergreencrm.enrichment.internal.providers;

import java.time.Clock;

import javax.sql.DataSource;

import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.enrichment.EnrichmentProvider;
import org.evergreencrm.api.lead.LeadRouting;

/** The built-in providers made with their test constructors, for tests in other packages. */
public final class BranchProviderAccess {
    private BranchProviderAccess() {
    }

    public static EnrichmentProvider branch(LeadRouting routing) {
        return new BranchProvider(routing);
    }

    public static EnrichmentProvider neighborhood(ZipDirectory zips) {
        return new NeighborhoodProvider(zips);
    }

    public static EnrichmentProvider market(DataSource ds, Clock clock) {
        MarketProvider m = new MarketProvider(ds, clock);
        return m;
    }
}
