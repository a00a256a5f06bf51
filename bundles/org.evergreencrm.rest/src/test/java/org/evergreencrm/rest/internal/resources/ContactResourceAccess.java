package org.evergreencrm.rest.internal.resources;

/** Opens package-private helpers of the resources to tests in other packages. */
public final class ContactResourceAccess {
    private ContactResourceAccess() {
    }

    public static Long version(String ifMatch) {
        return ContactResource.version(ifMatch);
    }
}
