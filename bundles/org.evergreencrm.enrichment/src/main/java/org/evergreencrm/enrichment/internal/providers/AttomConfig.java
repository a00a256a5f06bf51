package org.evergreencrm.enrichment.internal.providers;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Evergreen property data (ATTOM)", description = "Home characteristics and estimated value from "
        + "ATTOM's Property API (docs/enrichment.md). Off until an API key is configured.")
public @interface AttomConfig {
    @AttributeDefinition(description = "ATTOM API key (sent in the apikey header; never logged or shown)", type = AttributeType.PASSWORD)
    String apiKey();

    @AttributeDefinition(description = "Property API base URL, up to and including the version")
    String baseUrl() default "https://api.gateway.attomdata.com/propertyapi/v1.0.0";

    @AttributeDefinition(description = "Also ask the AVM endpoint for the estimated value (a second billed request)")
    boolean estimatedValue() default true;

    @AttributeDefinition(description = "Days an answer is reused for every contact at that address (0: never reused)")
    int cacheDays() default 30;

    @AttributeDefinition(description = "Time allowed for one request, in milliseconds")
    int timeoutMillis() default 3000;

    @AttributeDefinition(description = "Retries after a timeout, a 429 or a 5xx, with exponential backoff from 200 ms")
    int retries() default 2;

    @AttributeDefinition(description = "Failures in a row that open the circuit (no requests for coolDownSeconds)")
    int failuresToOpen() default 3;

    @AttributeDefinition(description = "Seconds the circuit stays open before one request is tried again")
    int coolDownSeconds() default 60;
}
