package org.evergreencrm.address.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UspsAddressNormalizerTest {
    private final UspsAddressNormalizer n = new UspsAddressNormalizer();

    @Test
    void spellingsOfOneAddressCompareEqual() {
        String expected = "123 N MAIN ST # 4";
        assertEquals(expected, n.deliveryLine("123", "North Main Street, Apartment 4"));
        assertEquals(expected, n.deliveryLine(null, "123 n. main st. #4"));
        assertEquals(expected, n.deliveryLine(null, "Apt 4, 123 North Main Str"));
        assertEquals(expected, n.deliveryLine("123", "N Main St Unit 4"));
        assertEquals("PO BOX 12", n.deliveryLine(null, "P.O. Box 12"));
        assertEquals("PO BOX 12", n.deliveryLine(null, "post office box 12"));
        assertEquals("RR 2 BOX 15", n.deliveryLine(null, "Rural Route 2, Box 15"));
        assertEquals("12 CEDAR CRES", n.deliveryLine("12", "cedar crescent"));
        assertNull(n.deliveryLine(null, "  "));
        assertNull(n.deliveryLine(null, null));
    }

    @Test
    void postcodes() {
        assertEquals("62704", n.postcode("62704-1234"));
        assertEquals("62704", n.postcode(" 627041234 "));
        assertEquals("SW1A2AA", n.postcode("sw1a 2aa"));
        assertNull(n.postcode(""));
    }
}
