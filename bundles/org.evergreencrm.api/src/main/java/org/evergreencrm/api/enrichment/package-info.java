/**
 * Enrichment: facts about a contact's place that a sales rep uses on the call and scoring uses as features — the
 * nearest branch, the neighbourhood, the market from our own history, and property data from a vendor when its plugin
 * is configured. Providers are OSGi services ({@link EnrichmentProvider}); the {@code org.evergreencrm.enrichment}
 * bundle runs them, stores every value with its source and time, and offers {@link EnrichmentService}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.evergreencrm.api.enrichment;
