package org.evergreencrm.api.contact;

/** Where a contact stands as a lead. */
public enum ContactStatus {
    NEW, WORKING, NURTURING, QUALIFIED, UNQUALIFIED, CUSTOMER
}
