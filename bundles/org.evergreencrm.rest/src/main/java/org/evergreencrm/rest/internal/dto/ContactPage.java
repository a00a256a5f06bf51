package org.evergreencrm.rest.internal.dto;

import java.util.List;

import org.evergreencrm.api.contact.Contact;

/** One page of contacts; pass {@code nextCursor} as {@code cursor} for the next one (absent on the last page). */
public record ContactPage(List<Contact> items, String nextCursor) {
}
