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

    /**
     * A person's standardized form of the contact's address (source {@link AddressSource#MANUAL}): the lines are read
     * and geocoded offline, and the result is kept — automatic standardization (contact events, "standardize again",
     * the re-enrichment job) leaves it alone until the typed address changes. For whoever may change the contact.
     *
     * @throws org.evergreencrm.api.ValidationException ({@code lines}) when the lines are not a readable US address,
     *         ({@code address}) when the contact has no address
     */
    ContactAddress setContactAddress(Actor actor, long contactId, List<String> lines);

    /** Imports GeoNames-format postal data (tab-separated, optionally gzip'd), replacing ZIPs it holds. Admin only. */
    ZipImport importZips(Actor actor, String sourceName, InputStream data, LongConsumer progress);

    /** The imports so far, newest first. */
    List<ZipImport> zipImports(Actor actor);

    ZipDirectory.ZipDataStatus zipStatus();

    /** Which verification service is used ({@link AddressVerifier#status()}), or that verification is offline only. */
    String verifierStatus();
}
