package org.evergreencrm.api.address;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.security.Actor;

/**
 * Address standardization, verification and geocoding. Reading or standardizing a contact's address follows the
 * contact's access rule (a rep sees only what {@code ContactService} lets them see); verification and autocomplete
 * touch no contact and use only reference data; importing ZIP data is for admins.
 */
public interface AddressService {

    /** Standardizes and geocodes free-form lines (one or several). Never throws on bad input; see the verdict. */
    AddressVerification verify(Actor actor, List<String> lines);

    /** The same for a structured address. */
    AddressVerification verify(Actor actor, PostalAddress address);

    /** Suggestions for partial input (as typed in a form), from the ZIP directory: fast enough for every keystroke. */
    List<AddressSuggestion> autocomplete(Actor actor, String partial, int max);

    /** The contact's stored standardized address; empty when it has none yet. */
    Optional<ContactAddress> ofContact(Actor actor, long contactId);

    /** Standardizes and geocodes the contact's address now and stores it (the typed address stays as it was). */
    ContactAddress standardizeContact(Actor actor, long contactId);

    /** Imports GeoNames-format postal data (tab-separated, optionally gzip'd), replacing ZIPs it holds. Admin only. */
    ZipImport importZips(Actor actor, String sourceName, InputStream data, LongConsumer progress);

    /** The imports so far, newest first. */
    List<ZipImport> zipImports(Actor actor);

    ZipDirectory.ZipDataStatus zipStatus();

    /** Which verification service is used ({@link AddressVerifier#status()}), or that verification is offline only. */
    String verifierStatus();
}
