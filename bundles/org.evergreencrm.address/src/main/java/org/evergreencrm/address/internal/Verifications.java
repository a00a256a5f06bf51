package org.evergreencrm.address.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.evergreencrm.api.address.AddressChange;
import org.evergreencrm.api.address.AddressComponents;
import org.evergreencrm.api.address.AddressVerification;
import org.evergreencrm.api.address.AddressVerifier;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.contact.PostalAddress;

/**
 * Verification with the installed {@link AddressVerifier} (SmartyStreets) when there is one, the offline path
 * otherwise: the input is first standardized offline (which also tells a foreign address), then sent as components;
 * when the service fails or is out of credit the offline answer is returned and the verdict says why.
 */
final class Verifications {
    private final OfflineVerifier offline;
    private final Supplier<AddressVerifier> verifier;

    Verifications(OfflineVerifier offline, Supplier<AddressVerifier> verifier) {
        this.offline = offline;
        this.verifier = verifier;
    }

    AddressVerification verify(List<String> lines) {
        return online(offline.verify(lines), String.join(", ", lines.stream().filter(Objects::nonNull).toList()));
    }

    /** The offline path only (a person's own lines: nothing to pay for). */
    AddressVerification offline(List<String> lines) {
        return offline.verify(lines);
    }

    AddressVerification verify(PostalAddress a) {
        return online(offline.verify(a), a == null ? null : ContactAddresses.rawText(a));
    }

    private AddressVerification online(AddressVerification local, String typed) {
        AddressVerifier v = verifier.get();
        if (v == null || local.candidates().isEmpty()) {
            return local; // nothing installed, nothing readable, or not a US address: nothing to pay for
        }
        StandardAddress s = local.candidates().get(0);
        AddressComponents c = s.components();
        String street = s.deliveryLine1();
        AddressVerifier.Result r = v.verify(List.of(new AddressVerifier.Query(s.addressee(), street, null, c.cityName(),
                c.stateAbbreviation(), c.zipcode()))).get(0);
        if (!r.ok()) {
            return new AddressVerification(local.candidates(), local.changes(), local.unparsed(),
                    "not verified: " + v.name() + " unavailable (" + r.failure() + "); standardized offline");
        }
        if (r.candidates().isEmpty()) {
            return new AddressVerification(local.candidates(), local.changes(), local.unparsed(),
                    "not deliverable: " + v.name() + " found no match; standardized offline");
        }
        StandardAddress best = r.candidates().get(0);
        List<AddressChange> changes = new ArrayList<>();
        String to = String.join(", ", java.util.stream.Stream.of(best.deliveryLine1(), best.lastLine()).filter(Objects::nonNull).toList());
        if (typed != null && !typed.replace("|", " ").trim().equalsIgnoreCase(to)) {
            changes.add(new AddressChange("address", typed, to));
        }
        addChange(changes, "zipcode", c.zipcode(), best.components().zipcode());
        addChange(changes, "plus4Code", c.plus4Code(), best.components().plus4Code());
        addChange(changes, "cityName", c.cityName(), best.components().cityName());
        String dpv = best.analysis() == null ? null : best.analysis().dpvMatchCode();
        String verdict = switch (dpv == null ? "" : dpv) {
            case "Y" -> "verified by " + v.name() + ": deliverable (DPV Y)";
            case "S" -> "verified by " + v.name() + ": the building is deliverable, the unit is not (DPV S)";
            case "D" -> "verified by " + v.name() + ": the building is deliverable, a unit is missing (DPV D)";
            case "N" -> "not deliverable: " + v.name() + " could not confirm it (DPV N)";
            default -> "not confirmed by " + v.name() + " (no DPV code)";
        } + (r.cached() ? " [cached]" : "");
        return new AddressVerification(r.candidates(), changes, local.unparsed(), verdict);
    }

    private static void addChange(List<AddressChange> changes, String field, String from, String to) {
        if (to != null && !to.equals(from)) {
            changes.add(new AddressChange(field, from, to));
        }
    }
}
