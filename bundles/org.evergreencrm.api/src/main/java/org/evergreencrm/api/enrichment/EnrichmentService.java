package org.evergreencrm.api.enrichment;

import java.util.List;
import java.util.Optional;

import org.evergreencrm.api.security.Actor;

/**
 * Runs the installed {@link EnrichmentProvider}s and keeps their values. A contact's enrichment follows the contact's
 * access rule (read: whoever may see the contact; refresh: whoever may change it); the re-enrichment job is for admins.
 */
public interface EnrichmentService {
    /** The contact's stored enrichment (empty values when it was never enriched). */
    ContactEnrichment ofContact(Actor actor, long contactId);

    /** Enriches the contact now from its standardized address and stores the values. */
    ContactEnrichment enrichContact(Actor actor, long contactId);

    /** Values for a subject not stored anywhere (a lead in intake): nothing is written. */
    List<EnrichmentValue> preview(EnrichmentSubject subject);

    /** Starts re-standardizing and re-enriching every contact with an address on the platform scheduler. Admin only. */
    EnrichmentJob startJob(Actor actor);

    /** The jobs so far, newest first. Admin only. */
    List<EnrichmentJob> jobs(Actor actor);

    Optional<EnrichmentJob> job(Actor actor, long id);

    /** The installed providers, each as "name: description — status". */
    List<String> providers();
}
