package org.evergreencrm.enrichment.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.enrichment.EnrichmentService;

@Command(scope = "crm", name = "enrich-providers", description = "The installed enrichment providers, highest ranking first, with their state")
@Service
public class EnrichProvidersCommand implements Action {
    @Reference
    EnrichmentService enrichment;

    @Override
    public Object execute() {
        enrichment.providers().forEach(System.out::println);
        return null;
    }
}
