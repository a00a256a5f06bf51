package org.evergreencrm.security.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$10000$"));
        assertTrue(hasher.verify("correct horse".toCharArray(), hash));
        assertFalse(hasher.verify("correct horse ".toCharArray(), hash));
        assertFalse(hasher.verify("".toCharArray(), hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void keepsVerifyingHashesMadeWithAnotherWorkFactor() {
        String old = new PasswordHasher(2_000).hash("secret-pw".toCharArray());
        assertTrue(hasher.verify("secret-pw".toCharArray(), old));
    }

    @Test
    void rejectsMalformedHashesWithoutThrowing() {
        for (String bad : new String[] {null, "", "plain", "pbkdf2-sha256$x$y$z", "md5$1$AA$BB", "pbkdf2-sha256$1000$!!$!!"}) {
            assertFalse(hasher.verify("pw".toCharArray(), bad), String.valueOf(bad));
        }
    }

    @Test
    void refusesAWeakWorkFactor() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(10));
    }
}
