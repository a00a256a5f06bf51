package org.evergreencrm.ops.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Evergreen operations", description = "Health checks and Prometheus metrics")
public @interface OpsConfig {
    @AttributeDefinition(description = "Who may scrape /metrics: 'localhost' (requests from this machine only), "
            + "'token' (Authorization: Bearer <metricsToken>) or 'open'")
    String metricsAccess() default "localhost";

    @AttributeDefinition(description = "The bearer token for metricsAccess=token (env EVERGREEN_METRICS_TOKEN)", type = AttributeType.PASSWORD)
    String metricsToken() default "";

    @AttributeDefinition(description = "Seconds the domain gauges (queue depth, lead sources) are cached between scrapes")
    int gaugeCacheSeconds() default 10;

    @AttributeDefinition(description = "Most distinct endpoint templates counted; requests to others count as OTHER")
    int maxEndpoints() default 200;
}
