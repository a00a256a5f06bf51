package org.evergreencrm.api.compliance;

/**
 * Who would be called: the number and what is known of where the person lives (for the local time and state rules).
 *
 * @param phone as entered or E.164; US numbers only are callable
 * @param state two-letter state from the address, or {@code null}
 * @param postalCode ZIP from the address, or {@code null}
 */
public record CallTarget(Long contactId, String phone, String state, String postalCode) {
}
