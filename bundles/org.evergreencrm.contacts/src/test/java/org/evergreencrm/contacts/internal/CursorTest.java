package org.evergreencrm.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.evergreencrm.api.ValidationException;
import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void roundTrips() {
        assertEquals(1234567L, Cursor.decode(Cursor.encode(1234567L)));
        assertNull(Cursor.decode(null));
        assertNull(Cursor.decode(""));
    }

    @Test
    void refusesForgedCursors() {
        for (String bad : new String[] {"abc", "!!!", "MTIz", java.util.Base64.getUrlEncoder().encodeToString("c1:x".getBytes())}) {
            assertEquals("cursor", assertThrows(ValidationException.class, () -> Cursor.decode(bad)).errors().get(0).field());
        }
    }
}
