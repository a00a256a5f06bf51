package org.evergreencrm.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Username and password from an {@code Authorization: Basic} header. */
record Credentials(String username, char[] password) {

    static Optional<Credentials> fromBasic(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
    }
}
