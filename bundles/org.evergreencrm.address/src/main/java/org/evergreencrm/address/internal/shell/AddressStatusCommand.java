package org.evergreencrm.address.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.address.AddressService;

@Command(scope = "crm", name = "address-status", description = "Address verification: the service used (lookups, cache savings, circuit) and the ZIP directory")
@Service
public class AddressStatusCommand implements Action {
    @Reference
    AddressService addresses;

    @Override
    public Object execute() {
        System.out.println("verification: " + addresses.verifierStatus());
        System.out.println("ZIP directory: " + addresses.zipStatus().message());
        return null;
    }
}
