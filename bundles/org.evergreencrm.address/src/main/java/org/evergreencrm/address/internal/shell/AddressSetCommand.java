package org.evergreencrm.address.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.ContactAddress;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "address-set", description = "Set a contact's standardized address by hand (source MANUAL, kept until the typed address changes)")
@Service
public class AddressSetCommand implements Action {
    @Reference
    AddressService addresses;

    @Argument(index = 0, name = "contactId", required = true)
    long contactId;

    @Argument(index = 1, name = "lines", required = true, multiValued = true, description = "the address lines, e.g. \"123 N MAIN ST APT 4\" \"SPRINGFIELD IL 62704\"")
    List<String> lines;

    @Override
    public Object execute() {
        ContactAddress a = addresses.setContactAddress(Actor.system(), contactId, lines);
        AddressVerifyCommand.print(a.standard());
        System.out.println("  " + a.note());
        return null;
    }
}
