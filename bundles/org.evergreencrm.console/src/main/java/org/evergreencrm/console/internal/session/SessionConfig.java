package org.evergreencrm.console.internal.session;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Evergreen console sessions", description = "How long a console sign-in lasts")
public @interface SessionConfig {
    @AttributeDefinition(description = "Minutes without a request after which a session ends")
    int idleMinutes() default 30;

    @AttributeDefinition(description = "Hours after sign-in after which a session ends however busy it is")
    int absoluteHours() default 12;

}
