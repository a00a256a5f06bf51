package org.evergreencrm.contacts.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.evergreencrm.api.ValidationException;

/** Opaque keyset cursor: the last id of the previous page, URL-safe base64 so clients don't build it. */
final class Cursor {
    private static final String PREFIX = "c1:";

    private Cursor() {
    }

    static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    static Long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (raw.startsWith(PREFIX)) {
                return Long.parseLong(raw.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw new ValidationException("cursor", "is not a cursor returned by a previous page");
    }
}
