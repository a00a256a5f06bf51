package org.evergreencrm.api.address;

/**
 * Reads a free-form US address — one line or several, any case and punctuation — into standardized components
 * (USPS Publication 28). Never throws on bad input: what it cannot place is in {@link ParsedAddress#unparsed()}.
 */
public interface AddressParser {

    /** Each argument is one line as typed; a single line may hold the whole address. */
    ParsedAddress parse(String... lines);
}
