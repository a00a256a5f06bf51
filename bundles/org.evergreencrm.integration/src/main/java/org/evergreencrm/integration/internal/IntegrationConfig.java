package org.evergreencrm.integration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.evergreencrm.integration", name = "Evergreen integration",
        description = "The CamelContext that lead sources and adapters contribute routes to (etc/org.evergreencrm.integration.cfg)")
public @interface IntegrationConfig {
    @AttributeDefinition(description = "Endpoint schemes a contributed route may use, comma-separated; a route using any other is refused")
    String allowedSchemes() default "direct,seda,log,timer,file,https";
}
