package org.evergreencrm.api.address;

import java.util.List;

/**
 * The answer to "verify this address": the standardized candidate(s), best first (empty when nothing usable was
 * given), what standardization changed against the input, what could not be read, and a one-line verdict
 * ({@code "not verified: standardized offline"}).
 */
public record AddressVerification(List<StandardAddress> candidates, List<AddressChange> changes, List<String> unparsed,
        String verdict) {
    public AddressVerification {
        candidates = List.copyOf(candidates);
        changes = List.copyOf(changes);
        unparsed = List.copyOf(unparsed);
    }
}
