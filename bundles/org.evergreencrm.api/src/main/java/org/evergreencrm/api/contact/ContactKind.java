package org.evergreencrm.api.contact;

/** A contact is a person or a household (the people living at one address). */
public enum ContactKind {
    PERSON, HOUSEHOLD
}
