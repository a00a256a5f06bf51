package org.evergreencrm.enrichment.internal.providers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.evergreencrm.api.enrichment.EnrichmentProvider;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.api.lead.BranchOffice;
import org.evergreencrm.api.lead.LeadRouting;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The nearest branch office and the great-circle distance to it, from the branches configured for routing
 * ({@code branch.NAME = lat, lng, radius} in {@code org.evergreencrm.leads.cfg}), and whether the place lies inside its
 * radius. Needs a point: the standardized address's, else the ZIP centroid.
 */
@Component(service = EnrichmentProvider.class, property = "service.ranking:Integer=50")
public final class BranchProvider implements EnrichmentProvider {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile LeadRouting routing;

    public BranchProvider() {
    }

    BranchProvider(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public String name() {
        return "branch";
    }

    @Override
    public String description() {
        return "nearest branch office and distance (branches configured for routing)";
    }

    @Override
    public List<EnrichmentValue> enrich(EnrichmentSubject s) {
        LeadRouting r = routing;
        List<BranchOffice> branches = r == null ? List.of() : r.branches();
        if (branches.isEmpty() || s.point() == null) {
            return List.of();
        }
        record Distance(BranchOffice branch, double miles) {
        }
        List<Distance> all = new ArrayList<>();
        for (BranchOffice b : branches) {
            all.add(new Distance(b, s.point().milesTo(b.at())));
        }
        all.sort(Comparator.comparingDouble(Distance::miles));
        Distance near = all.get(0);
        String how = "great-circle distance from the " + precision(s.point().precision()) + " to " + near.branch().name()
                + " (" + all.size() + " branch" + (all.size() == 1 ? "" : "es") + " configured)";
        List<EnrichmentValue> out = new ArrayList<>();
        out.add(new EnrichmentValue("branch", "nearestBranch", near.branch().name(), null, how, name(), s.now()));
        out.add(new EnrichmentValue("branch", "distanceMiles", String.format(Locale.ROOT, "%.1f", near.miles()), "mi", how, name(), s.now()));
        boolean inside = near.miles() <= near.branch().radiusMiles();
        out.add(new EnrichmentValue("branch", "withinRadius", Boolean.toString(inside), null,
                String.format(Locale.ROOT, "%s serves %.0f mi around it", near.branch().name(), near.branch().radiusMiles()), name(), s.now()));
        return out;
    }

    private static String precision(String p) {
        return p == null ? "address point" : p.toUpperCase(Locale.ROOT).startsWith("ZIP5") ? "ZIP centroid" : p + " point";
    }

    @Override
    public String status() {
        LeadRouting r = routing;
        return r == null ? "lead routing not running: no branches known" : r.branches().size() + " branches configured";
    }
}
