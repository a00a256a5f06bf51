package org.evergreencrm.enrichment.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.evergreencrm.api.enrichment.EnrichmentProvider;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.api.enrichment.ProviderRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the providers on one subject, highest ranking first: each value is stamped with its provider and time; a field
 * two providers give is kept from the higher-ranked one; a provider that throws is recorded as FAILED and the rest go on.
 */
final class Enricher {
    private static final Logger LOG = LoggerFactory.getLogger(Enricher.class);
    private final Supplier<List<EnrichmentProvider>> providers;

    record Outcome(List<EnrichmentValue> values, List<ProviderRun> runs) {
    }

    Enricher(Supplier<List<EnrichmentProvider>> providers) {
        this.providers = providers;
    }

    Outcome run(EnrichmentSubject s) {
        List<EnrichmentValue> values = new ArrayList<>();
        List<ProviderRun> runs = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (EnrichmentProvider p : providers.get()) {
            String name = p.name();
            try {
                List<EnrichmentValue> got = p.enrich(s);
                int kept = 0;
                for (EnrichmentValue v : got == null ? List.<EnrichmentValue>of() : got) {
                    if (given.add(v.group() + "/" + v.field())) {
                        values.add(new EnrichmentValue(v.group(), v.field(), v.value(), v.unit(), v.detail(), name,
                                v.at() == null ? s.now() : v.at()));
                        kept++;
                    }
                }
                runs.add(new ProviderRun(name, kept == 0 ? "NOTHING" : "OK", kept, kept == 0 ? "no data for this place" : null, s.now()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                runs.add(new ProviderRun(name, "FAILED", 0, "interrupted", s.now()));
            } catch (Exception | LinkageError e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("enrichment provider {} failed for contact {}: {}", name, s.contactId(), why);
                runs.add(new ProviderRun(name, "FAILED", 0, why, s.now()));
            }
        }
        return new Outcome(values, runs);
    }
}
