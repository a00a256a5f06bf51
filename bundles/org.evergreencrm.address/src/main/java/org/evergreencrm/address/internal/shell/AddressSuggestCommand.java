package org.evergreencrm.address.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.AddressSuggestion;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "address-suggest", description = "Autocomplete a partly typed address from the ZIP directory")
@Service
public class AddressSuggestCommand implements Action {
    @Reference
    AddressService addresses;

    @Option(name = "--max", description = "at most this many suggestions")
    int max = 10;

    @Argument(index = 0, name = "partial", required = true, multiValued = true, description = "what was typed so far")
    List<String> words;

    @Override
    public Object execute() {
        List<AddressSuggestion> s = addresses.autocomplete(Actor.system(), String.join(" ", words), max);
        if (s.isEmpty()) {
            System.out.println("no suggestions" + (addresses.zipStatus().stateLevelOnly() ? " (no ZIP data imported)" : ""));
        }
        s.forEach(x -> System.out.println(x.text()));
        return null;
    }
}
