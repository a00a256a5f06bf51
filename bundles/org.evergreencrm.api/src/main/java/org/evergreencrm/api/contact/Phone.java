package org.evergreencrm.api.contact;

/** A phone number as entered, and what kind of line it is. */
public record Phone(String number, PhoneType type) {
    public enum PhoneType {
        MOBILE, HOME, WORK, OTHER
    }
}
