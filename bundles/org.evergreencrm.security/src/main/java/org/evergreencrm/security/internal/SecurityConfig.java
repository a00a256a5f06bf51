package org.evergreencrm.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Evergreen security", description = "Users, password hashing and the 'evergreen' JAAS realm")
public @interface SecurityConfig {

    @AttributeDefinition(description = "Login name of the admin created when the user table is empty")
    String bootstrapAdminUsername() default "admin";

    @AttributeDefinition(description = "Password of that first admin (env EVERGREEN_ADMIN_PASSWORD); change it after the first login", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String bootstrapAdminPassword() default "evergreen";

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes")
    int pbkdf2Iterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(description = "Seconds a verified username/password pair is remembered, so each REST call does not pay the KDF; 0 disables")
    int authCacheSeconds() default 300;
}
