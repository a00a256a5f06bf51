package org.evergreencrm.rest.internal.dto;

import java.util.List;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.DuplicateMatch;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A written contact, plus the existing contacts that looked like it when it was written (duplicate check). */
public record ContactResponse(@JsonUnwrapped Contact contact, List<DuplicateMatch> duplicates) {
}
