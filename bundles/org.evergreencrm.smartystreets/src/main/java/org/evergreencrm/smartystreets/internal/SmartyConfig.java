package org.evergreencrm.smartystreets.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Evergreen SmartyStreets", description = "US address verification with the SmartyStreets US Street API (docs/address.md)")
public @interface SmartyConfig {
    @AttributeDefinition(description = "Auth ID of a secret key pair")
    String authId();

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Auth token of the key pair (never logged)")
    String authToken();

    @AttributeDefinition(description = "Base URL of the US Street API; empty: the SDK's default (a local stub in tests)")
    String baseUrl() default "";

    @AttributeDefinition(description = "Timeout of one request, milliseconds")
    int timeoutMillis() default 5000;

    @AttributeDefinition(description = "Retries of a request that timed out, was throttled (429) or failed with 5xx")
    int retries() default 2;

    @AttributeDefinition(description = "First retry after this many milliseconds, doubling each time")
    int backoffMillis() default 500;

    @AttributeDefinition(description = "Cached answers are reused for this many days")
    int cacheDays() default 90;

    @AttributeDefinition(description = "Consecutive failed requests that open the circuit (calls go offline at once)")
    int breakerFailures() default 3;

    @AttributeDefinition(description = "Seconds the circuit stays open before one request tries again; an out-of-credit (402) or bad-credential (401) answer opens it at once")
    int breakerSeconds() default 60;
}
