package org.evergreencrm.enrichment.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.enrichment.ContactEnrichment;
import org.evergreencrm.api.enrichment.EnrichmentService;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.api.enrichment.ProviderRun;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "enrich-contact", description = "A contact's enrichment: every value with its source and time (--refresh enriches it again now)")
@Service
public class EnrichContactCommand implements Action {
    @Reference
    EnrichmentService enrichment;

    @Option(name = "--refresh", description = "run the providers on the contact again and store the result")
    boolean refresh;

    @Argument(index = 0, name = "contactId", required = true)
    long contactId;

    @Override
    public Object execute() {
        ContactEnrichment e = refresh ? enrichment.enrichContact(Actor.system(), contactId) : enrichment.ofContact(Actor.system(), contactId);
        if (e.values().isEmpty() && e.runs().isEmpty()) {
            System.out.println("contact " + contactId + " was never enriched (it has no standardized address yet, or: crm:enrich-contact --refresh "
                    + contactId + ")");
            return null;
        }
        String group = null;
        for (EnrichmentValue v : e.values()) {
            if (!v.group().equals(group)) {
                group = v.group();
                System.out.println(group + ":");
            }
            System.out.printf("  %-20s %s%s   [%s, %s] %s%n", v.field(), v.value(), v.unit() == null ? "" : " " + v.unit(), v.source(), v.at(),
                    v.detail() == null ? "" : v.detail());
        }
        System.out.println("providers:");
        for (ProviderRun r : e.runs()) {
            System.out.printf("  %-14s %-8s %d values%s, at %s%n", r.provider(), r.outcome(), r.values(), r.message() == null ? "" : " (" + r.message() + ")", r.at());
        }
        return null;
    }
}
