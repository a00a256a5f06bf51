package org.evergreencrm.compliance.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.compliance.ConsentRecord;
import org.evergreencrm.api.compliance.NumberStatus;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "dnc-lookup", description = "Everything known about a number: registry lists, consent records, may it be called now and why (the lookup is logged)")
@Service
public class DncLookupCommand implements Action {
    @Reference
    ComplianceService compliance;

    @Argument(index = 0, name = "phone", required = true)
    String phone;

    @Override
    public Object execute() {
        NumberStatus s = compliance.lookup(Actor.system(), phone);
        System.out.println(s.phone() + ": do-not-call " + (s.doNotCall() ? "YES" : "no") + ", do-not-text "
                + (s.doNotText() ? "YES" : "no") + ", registry lists " + (s.registryLists().isEmpty() ? "none" : s.registryLists()));
        for (ConsentRecord r : s.records()) {
            System.out.println("  #" + r.id() + " " + r.kind() + " " + r.channel() + " via " + r.method() + ", received "
                    + r.receivedAt() + ", effective " + r.effectiveAt() + ", recorded by " + r.recordedBy()
                    + (r.note() == null ? "" : " (" + r.note() + ")"));
        }
        System.out.println("call now: " + (s.callNow().allowed() ? "allowed" : "DENIED") + " — " + s.callNow().summary());
        return null;
    }
}
