package org.evergreencrm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.evergreencrm.api.Page;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.UserService;

@Command(scope = "crm", name = "contact-list", description = "Search contacts, newest first")
@Service
public class ContactListCommand implements Action {
    @Reference
    ContactService contacts;
    @Reference
    UserService users;

    @Option(name = "-q", aliases = "--text", description = "words in name, email, phone, street, city or postcode")
    String text;
    @Option(name = "--owner", description = "owner's username")
    String owner;
    @Option(name = "--status", description = "NEW, WORKING, NURTURING, QUALIFIED, UNQUALIFIED, CUSTOMER")
    ContactStatus status;
    @Option(name = "--tag", description = "only contacts with this tag")
    String tag;
    @Option(name = "-n", aliases = "--limit", description = "how many (1..500)")
    int limit = 20;
    @Option(name = "--cursor", description = "continue after a previous page")
    String cursor;

    @Override
    public Object execute() {
        Long ownerId = owner == null ? null : Users.idOf(users, owner);
        Page<Contact> page = contacts.search(Actor.system(),
                new ContactQuery(text, ownerId, status, tag, null, null, cursor, limit));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name");
        table.column("Phone");
        table.column("Email");
        table.column("City");
        table.column("Status");
        table.column("Owner");
        table.column("Tags");
        for (Contact c : page.items()) {
            table.addRow().addContent(c.id(), c.displayName(),
                    c.phones().isEmpty() ? "" : c.phones().get(0).number(),
                    c.emails().isEmpty() ? "" : c.emails().get(0).address(),
                    c.address() == null ? "" : c.address().city(), c.status(),
                    c.ownerId() == null ? "-" : Users.nameOf(users, c.ownerId()), String.join(",", c.tags()));
        }
        table.print(System.out);
        if (page.nextCursor() != null) {
            System.out.println("more: crm:contact-list --cursor " + page.nextCursor());
        }
        return null;
    }
}
