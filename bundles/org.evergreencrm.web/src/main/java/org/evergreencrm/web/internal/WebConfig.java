package org.evergreencrm.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Evergreen HTTP hardening", description = "Request limits and security headers for every HTTP endpoint")
public @interface WebConfig {
    @AttributeDefinition(description = "Largest request body in bytes for JSON and form endpoints")
    long maxBodyBytes() default 1_048_576;

    @AttributeDefinition(description = "Largest request body in bytes for file uploads (DNC registry files, dedup CSV imports)")
    long maxUploadBytes() default 2_147_483_648L;

    @AttributeDefinition(description = "Paths (prefixes) that take file uploads")
    String[] uploadPaths() default {"/api/v1/compliance/dnc-imports", "/api/v1/duplicates/import", "/api/v1/duplicates/evaluate"};

    @AttributeDefinition(description = "Content-Security-Policy sent with every answer")
    String contentSecurityPolicy() default "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @AttributeDefinition(description = "Send Strict-Transport-Security on HTTPS answers (max-age in seconds; 0 = never)")
    long hstsSeconds() default 31_536_000;
}
