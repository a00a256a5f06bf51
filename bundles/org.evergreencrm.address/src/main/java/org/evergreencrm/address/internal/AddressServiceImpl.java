package org.evergreencrm.address.internal;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.AddressSuggestion;
import org.evergreencrm.api.address.AddressVerification;
import org.evergreencrm.api.address.ContactAddress;
import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.address.ZipImport;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactEvents;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.store.SchemaReady;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;

/**
 * The address service: offline verification and autocomplete from reference data (no contact involved, any signed-in
 * user), a contact's standardized address under the contact's own access rule, ZIP imports for admins. Also keeps
 * contacts' standardized addresses current from the contact events.
 */
@Component(service = {AddressService.class, EventHandler.class}, configurationPid = "org.evergreencrm.address",
        property = {"event.topics=" + ContactEvents.CREATED, "event.topics=" + ContactEvents.UPDATED})
public final class AddressServiceImpl implements AddressService, EventHandler {
    private final ContactService contacts;
    private final ZipData zips;
    private final Verifications verifier;
    private final Autocomplete autocomplete;
    private final ContactAddresses contactAddresses;
    private final boolean standardizeContacts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    /** The verification service (SmartyStreets) when its bundle runs; the offline path otherwise. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.evergreencrm.api.address.AddressVerifier addressVerifier;

    @Activate
    public AddressServiceImpl(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.address)") SchemaReady schema,
            @Reference ContactService contacts, @Reference ZipData zips, AddressConfig config) {
        this(ds, contacts, zips, Clock.systemUTC(), config.standardizeContacts());
    }

    AddressServiceImpl(DataSource ds, ContactService contacts, ZipData zips, Clock clock, boolean standardizeContacts) {
        this.contacts = contacts;
        this.zips = zips;
        this.verifier = new Verifications(new OfflineVerifier(zips, clock), () -> addressVerifier);
        this.autocomplete = new Autocomplete(zips);
        this.contactAddresses = new ContactAddresses(verifier, new ContactAddressStore(ds), () -> events);
        this.standardizeContacts = standardizeContacts;
    }

    @Override
    public AddressVerification verify(Actor actor, List<String> lines) {
        return verifier.verify(lines == null ? List.of() : lines);
    }

    @Override
    public AddressVerification verify(Actor actor, PostalAddress address) {
        return verifier.verify(address);
    }

    @Override
    public List<AddressSuggestion> autocomplete(Actor actor, String partial, int max) {
        return autocomplete.suggest(partial, Math.max(1, Math.min(max, 50)));
    }

    @Override
    public Optional<ContactAddress> ofContact(Actor actor, long contactId) {
        Contact c = contacts.get(actor, contactId);
        return contactAddresses.of(c);
    }

    @Override
    public ContactAddress standardizeContact(Actor actor, long contactId) {
        Contact c = contacts.getForChange(actor, contactId);
        return contactAddresses.standardize(c, actor.username(), "address/" + contactId + "/manual/" + System.nanoTime());
    }

    @Override
    public ContactAddress setContactAddress(Actor actor, long contactId, List<String> lines) {
        Contact c = contacts.getForChange(actor, contactId);
        return contactAddresses.setByHand(c, actor.username(), lines == null ? List.of() : lines);
    }

    @Override
    public ZipImport importZips(Actor actor, String sourceName, InputStream data, LongConsumer progress) {
        return zips.importZips(actor, sourceName, data, progress);
    }

    @Override
    public List<ZipImport> zipImports(Actor actor) {
        if (!actor.isAdmin()) {
            throw new org.evergreencrm.api.AccessDeniedException("only an admin may see ZIP imports");
        }
        return zips.imports();
    }

    @Override
    public ZipDirectory.ZipDataStatus zipStatus() {
        return zips.status();
    }

    @Override
    public String verifierStatus() {
        org.evergreencrm.api.address.AddressVerifier v = addressVerifier;
        return v == null ? "no verification service installed: addresses are standardized offline and never verified"
                : v.status();
    }

    @Override
    public void handleEvent(Event event) {
        if (!standardizeContacts || !(event.getProperty(ContactEvents.CONTACT) instanceof Contact contact)) {
            return;
        }
        Object actor = event.getProperty(ContactEvents.ACTOR);
        contactAddresses.changed(contact, actor == null ? null : actor.toString());
    }
}
