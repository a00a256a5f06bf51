package org.evergreencrm.api.contact;

/** An email address and what it is used for. */
public record Email(String address, EmailType type) {
    public enum EmailType {
        PERSONAL, WORK, OTHER
    }
}
