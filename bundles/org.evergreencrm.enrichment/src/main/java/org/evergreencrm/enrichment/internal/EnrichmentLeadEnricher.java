package org.evergreencrm.enrichment.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.enrichment.EnrichmentService;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.api.lead.LeadEnricher;
import org.evergreencrm.api.lead.LeadProfile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The intake's ENRICHMENT step: the same providers as for contacts, on the lead's place (its typed ZIP and the point
 * the ADDRESS step found), written into the lead's notes so routing, scoring and the rep see them at once. Nothing is
 * stored here: once the lead's contact is written and its address standardized, the contact is enriched and the
 * values stored with it.
 */
@Component(service = LeadEnricher.class, property = "service.ranking:Integer=50")
public final class EnrichmentLeadEnricher implements LeadEnricher {
    private final EnrichmentService enrichment;
    private final Subjects subjects;

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    volatile org.evergreencrm.api.address.ZipDirectory zips;

    @Activate
    public EnrichmentLeadEnricher(@Reference EnrichmentService enrichment) {
        this.enrichment = enrichment;
        this.subjects = new Subjects(() -> null, () -> zips);
    }

    EnrichmentLeadEnricher(EnrichmentService enrichment, Subjects subjects) {
        this.enrichment = enrichment;
        this.subjects = subjects;
    }

    @Override
    public String name() {
        return "enrichment";
    }

    @Override
    public Stage stage() {
        return Stage.ENRICHMENT;
    }

    @Override
    public LeadProfile enrich(LeadProfile lead) {
        ContactDraft c = lead.contact();
        if (c == null || (c.address() == null && lead.location() == null)) {
            return lead;
        }
        List<EnrichmentValue> values = enrichment.preview(subjects.of(null, null, lead.location(), c.address(), java.time.Instant.now()));
        if (values.isEmpty()) {
            return lead.withNote("enrichment: nothing known for this place");
        }
        String text = values.stream().filter(v -> !"unknown".equals(v.value()))
                .map(v -> v.field() + "=" + v.value() + (v.unit() == null || "%".equals(v.unit()) ? "%".equals(v.unit()) ? "%" : "" : " " + v.unit()))
                .collect(Collectors.joining(", "));
        return lead.withNote("enrichment: " + text);
    }
}
