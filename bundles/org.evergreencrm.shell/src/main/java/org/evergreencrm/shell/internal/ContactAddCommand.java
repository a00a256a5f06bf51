package org.evergreencrm.shell.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.UserService;

@Command(scope = "crm", name = "contact-add", description = "Add a contact (validated like the REST API)")
@Service
public class ContactAddCommand implements Action {
    @Reference
    ContactService contacts;
    @Reference
    UserService users;

    @Option(name = "--first", description = "first name")
    String first;
    @Option(name = "--last", description = "last name")
    String last;
    @Option(name = "--household", description = "household name (makes it a HOUSEHOLD contact)")
    String household;
    @Option(name = "--phone", multiValued = true, description = "phone number (repeatable)")
    List<String> phones;
    @Option(name = "--email", multiValued = true, description = "email address (repeatable)")
    List<String> emails;
    @Option(name = "--street", description = "street line")
    String street;
    @Option(name = "--city")
    String city;
    @Option(name = "--state")
    String state;
    @Option(name = "--zip")
    String zip;
    @Option(name = "--country", description = "ISO code, default US when an address is given")
    String country;
    @Option(name = "--source", description = "lead source")
    String source = "shell";
    @Option(name = "--owner", description = "owner's username (default: unassigned)")
    String owner;
    @Option(name = "--status")
    ContactStatus status;
    @Option(name = "--tag", multiValued = true, description = "tag (repeatable)")
    List<String> tags;

    @Override
    public Object execute() {
        boolean hasAddress = street != null || city != null || state != null || zip != null;
        PostalAddress address = hasAddress
                ? new PostalAddress(street, null, city, state, zip, country == null ? "US" : country)
                : null;
        ContactDraft draft = new ContactDraft(household != null ? ContactKind.HOUSEHOLD : ContactKind.PERSON, first, last,
                household, phones == null ? List.of() : phones.stream().map(p -> new Phone(p, null)).toList(),
                emails == null ? List.of() : emails.stream().map(e -> new Email(e, null)).toList(), address, source,
                owner == null ? null : Users.idOf(users, owner), status, tags == null ? null : new HashSet<>(tags), Map.of());
        Contact c = contacts.create(Actor.system(), draft);
        System.out.println("Created contact " + c.id() + ": " + c.displayName());
        return null;
    }
}
