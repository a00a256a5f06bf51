package org.evergreencrm.store.internal;

import java.util.Map;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.security.Actor;

/** For modules' tests: a contact service over a map that keeps the owner rule (admins everything, others their own). */
public final class TestContacts {
    private TestContacts() {
    }

    /** {@code get} and {@code getForChange} only; anything else is unsupported. */
    public static ContactService ownedBy(Map<Long, Contact> contacts) {
        return (ContactService) java.lang.reflect.Proxy.newProxyInstance(ContactService.class.getClassLoader(),
                new Class<?>[] {ContactService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get") || method.getName().equals("getForChange")) {
                        Actor actor = (Actor) args[0];
                        Contact c = contacts.get((Long) args[1]);
                        if (c == null) {
                            throw new NotFoundException("contact", args[1]);
                        }
                        if (!actor.isAdmin() && !actor.userId().equals(c.ownerId())) {
                            throw new AccessDeniedException("not your contact");
                        }
                        return c;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
