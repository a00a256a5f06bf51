package org.evergreencrm.leads.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.lead.LeadEnricher;
import org.evergreencrm.api.lead.LeadProfile;
import org.evergreencrm.api.lead.LeadScore;
import org.evergreencrm.api.lead.LeadScorer;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.leads.internal.routing.ZipCentroids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake steps other bundles contribute ({@link LeadEnricher}, {@link LeadScorer} services): run when installed,
 * skipped when not. A step that fails or hands back a contact that no longer passes the contact checks is noted on
 * the lead and ignored: an enrichment never costs a lead. After the address steps, a lead no geocoder placed gets its
 * ZIP's centroid when a centroid file is configured.
 */
final class OptionalSteps {
    private static final Logger LOG = LoggerFactory.getLogger(OptionalSteps.class);
    private final Supplier<List<LeadEnricher>> enrichers;
    private final Supplier<List<LeadScorer>> scorers;
    private final ContactService contacts;
    private final ZipCentroids zips;

    OptionalSteps(Supplier<List<LeadEnricher>> enrichers, Supplier<List<LeadScorer>> scorers, ContactService contacts, ZipCentroids zips) {
        this.enrichers = enrichers;
        this.scorers = scorers;
        this.contacts = contacts;
        this.zips = zips;
    }

    void enrich(LeadEnricher.Stage stage, List<LeadWork> works) {
        List<LeadEnricher> steps = enrichers.get().stream().filter(e -> e.stage() == stage).toList();
        for (LeadWork w : works) {
            for (LeadEnricher step : steps) {
                try {
                    LeadProfile p = step.enrich(w.profile());
                    if (p != null) {
                        if (p.contact() != w.draft) {
                            p = p.withContact(contacts.validate(Actor.system(), p.contact()));
                        }
                        w.apply(p);
                    }
                } catch (Exception ex) {
                    LOG.warn("{} {} failed on lead {}/{}: {}", stage.name().toLowerCase(Locale.ROOT), step.name(), w.incoming.source(),
                            w.incoming.sourceLeadId(), ex.toString());
                    w.notes.add(step.name() + " failed (" + ex.getMessage() + "): skipped");
                }
            }
            if (stage == LeadEnricher.Stage.ADDRESS && w.location == null && w.draft.address() != null) {
                zips.of(w.draft.address().postalCode()).ifPresent(p -> {
                    w.location = p;
                    w.notes.add("located at the centroid of ZIP " + w.draft.address().postalCode().substring(0, 5) + " (GeoNames)");
                });
            }
        }
    }

    void score(List<LeadWork> works) {
        List<LeadScorer> all = scorers.get();
        if (all.isEmpty()) {
            return;
        }
        LeadScorer scorer = all.get(0);
        for (LeadWork w : works) {
            try {
                Optional<LeadScore> s = scorer.explain(w.profile());
                if (s.isPresent() && !Double.isNaN(s.get().probability())) {
                    w.score = Math.max(0, Math.min(1, s.get().probability()));
                    w.scored = s.get();
                }
            } catch (Exception ex) {
                LOG.warn("scorer {} failed on lead {}/{}: {}", scorer.name(), w.incoming.source(), w.incoming.sourceLeadId(), ex.toString());
                w.notes.add("scorer " + scorer.name() + " failed (" + ex.getMessage() + "): unscored");
            }
        }
    }
}
