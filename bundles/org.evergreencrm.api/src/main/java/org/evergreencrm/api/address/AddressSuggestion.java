package org.evergreencrm.api.address;

/** An autocomplete suggestion: the text to show and put in the field, and its parts. */
public record AddressSuggestion(String text, String deliveryLine, String city, String state, String zipcode) {
}
