package org.evergreencrm.address.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.ContactAddress;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "address-contact", description = "A contact's typed and standardized address (--refresh standardizes it again now)")
@Service
public class AddressContactCommand implements Action {
    @Reference
    AddressService addresses;

    @Option(name = "--refresh", description = "standardize the typed address again and store the result")
    boolean refresh;

    @Argument(index = 0, name = "contactId", required = true)
    long contactId;

    @Override
    public Object execute() {
        ContactAddress a = refresh ? addresses.standardizeContact(Actor.system(), contactId)
                : addresses.ofContact(Actor.system(), contactId).orElse(null);
        if (a == null) {
            System.out.println("contact " + contactId + " has no standardized address yet (crm:address-contact --refresh "
                    + contactId + " makes one)");
            return null;
        }
        System.out.println("typed: " + a.raw());
        if (a.standard() == null) {
            System.out.println("not standardized: " + a.note());
        } else {
            AddressVerifyCommand.print(a.standard());
            System.out.println("  " + a.note() + ", at " + a.standard().at());
        }
        return null;
    }
}
