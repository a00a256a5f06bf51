package org.evergreencrm.api.enrichment;

import java.time.Instant;

/**
 * One enriched fact: its group ({@code property}, {@code branch}, {@code neighborhood}, {@code market}), the field
 * ({@code yearBuilt}, {@code nearestBranch}, {@code seasonality}), the value as text, the unit when it has one
 * ({@code mi}, {@code USD}, {@code sqft}), a short explanation of how it was found, the provider that gave it
 * ({@code source}) and when.
 */
public record EnrichmentValue(String group, String field, String value, String unit, String detail, String source, Instant at) {
    public EnrichmentValue {
        if (group == null || group.isBlank() || field == null || field.isBlank() || value == null) {
            throw new IllegalArgumentException("an enrichment value needs a group, a field and a value");
        }
    }
}
