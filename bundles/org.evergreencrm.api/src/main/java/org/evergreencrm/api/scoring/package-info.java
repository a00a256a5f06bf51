/**
 * "Oracle" scoring: a lead's chance of a sale, calibrated, with the reasons behind it and an A–D priority; models
 * trained from a CSV of historical outcomes, kept in a registry with their metrics and provenance, promoted and rolled
 * back. A plugin can bring another model as a {@link ScoringModel} service; the one with the highest
 * {@code service.ranking} scores, the registry's active model otherwise. The {@code org.evergreencrm.scoring} bundle
 * offers {@link ScoringService} (docs/scoring.md).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.evergreencrm.api.scoring;
