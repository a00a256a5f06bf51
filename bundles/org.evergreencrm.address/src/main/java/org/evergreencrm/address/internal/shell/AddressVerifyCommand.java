package org.evergreencrm.address.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.address.AddressChange;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.AddressVerification;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "address-verify", description = "Standardize and geocode an address (each argument one line; quote lines with spaces)")
@Service
public class AddressVerifyCommand implements Action {
    @Reference
    AddressService addresses;

    @Argument(index = 0, name = "lines", required = true, multiValued = true, description = "the address, one argument per line")
    List<String> lines;

    @Override
    public Object execute() {
        AddressVerification v = addresses.verify(Actor.system(), lines);
        System.out.println(v.verdict());
        for (StandardAddress a : v.candidates()) {
            print(a);
        }
        for (AddressChange c : v.changes()) {
            System.out.println("  changed " + c.field() + ": " + (c.from() == null ? "(none)" : c.from()) + " -> " + c.to());
        }
        v.unparsed().forEach(u -> System.out.println("  not read: " + u));
        return null;
    }

    static void print(StandardAddress a) {
        if (a.addressee() != null) {
            System.out.println("  " + a.addressee());
        }
        System.out.println("  " + (a.deliveryLine1() == null ? "" : a.deliveryLine1()));
        System.out.println("  " + (a.lastLine() == null ? "" : a.lastLine()));
        var c = a.components();
        System.out.println("  components: number=" + c.primaryNumber() + " predir=" + c.streetPredirection() + " street="
                + c.streetName() + " suffix=" + c.streetSuffix() + " postdir=" + c.streetPostdirection() + " unit="
                + c.secondaryDesignator() + " " + c.secondaryNumber() + " city=" + c.cityName() + " state="
                + c.stateAbbreviation() + " zip=" + c.zipcode() + (c.plus4Code() == null ? "" : "-" + c.plus4Code()));
        var m = a.metadata();
        System.out.println("  metadata: type=" + m.recordType() + " county=" + m.countyName() + " (" + m.countyFips()
                + ") lat/lng=" + m.latitude() + "," + m.longitude() + " precision=" + m.precision() + " zone="
                + m.timeZone() + " utc=" + m.utcOffset() + " dst=" + m.dst());
        System.out.println("  analysis: dpv=" + (a.analysis().dpvMatchCode() == null ? "(not coded)" : a.analysis().dpvMatchCode())
                + " verified=" + a.verified() + (a.analysis().footnotes() == null ? "" : " notes: " + a.analysis().footnotes())
                + " source=" + a.source());
    }
}
