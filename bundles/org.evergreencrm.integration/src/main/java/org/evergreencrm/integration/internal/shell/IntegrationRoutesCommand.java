package org.evergreencrm.integration.internal.shell;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "crm", name = "integration-routes", description = "The Camel routes running in Evergreen: id, source endpoint, status")
@Service
public class IntegrationRoutesCommand implements Action {
    @Reference
    CamelContext camel;

    @Override
    public Object execute() {
        System.out.println("Camel " + camel.getVersion() + " (" + camel.getName() + "), " + camel.getStatus());
        for (Route r : camel.getRoutes()) {
            System.out.printf("  %-30s %-40s %s%n", r.getRouteId(), r.getEndpoint().getEndpointUri(),
                    camel.getRouteController().getRouteStatus(r.getRouteId()));
        }
        return null;
    }
}
