package org.evergreencrm.api.address;

/** One thing standardization changed, for "what changed" in a form: {@code field} is a component name. */
public record AddressChange(String field, String from, String to) {
}
