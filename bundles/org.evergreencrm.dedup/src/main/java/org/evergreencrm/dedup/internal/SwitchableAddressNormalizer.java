package org.evergreencrm.dedup.internal;

import org.evergreencrm.api.dedup.AddressNormalizer;

/**
 * The address normalizer duplicate detection uses: the highest-ranked {@link AddressNormalizer} service (the address
 * bundle's USPS Publication 28 one) while there is one, the built-in basic one otherwise. Which one is in use is part
 * of the match-key version ({@link #keyVersion()}), so stored contacts are re-keyed when it changes.
 */
final class SwitchableAddressNormalizer implements AddressNormalizer {
    private final AddressNormalizer basic = new BasicAddressNormalizer();
    private volatile AddressNormalizer bound;

    void bind(AddressNormalizer n) {
        bound = n;
    }

    void unbind(AddressNormalizer n) {
        if (bound == n) {
            bound = null;
        }
    }

    private AddressNormalizer current() {
        AddressNormalizer b = bound;
        return b == null ? basic : b;
    }

    /** {@link BlockingKeys#VERSION} and which normalizer made the keys: 200 basic, 201 a bound service. */
    int keyVersion() {
        return BlockingKeys.VERSION * 100 + (bound == null ? 0 : 1);
    }

    String name() {
        AddressNormalizer b = bound;
        return b == null ? "basic (built in)" : b.getClass().getSimpleName();
    }

    @Override
    public String deliveryLine(String streetNumber, String addressLine) {
        return current().deliveryLine(streetNumber, addressLine);
    }

    @Override
    public String postcode(String postcode) {
        return current().postcode(postcode);
    }
}
