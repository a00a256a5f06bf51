package org.evergreencrm.dedup.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Canonical email addresses: trimmed and lower-cased; for providers that ignore them, dots in the local part and
 * "+tag" suffixes are removed (configurable: {@code dotInsensitiveDomains}, {@code plusTagDomains}).
 */
public final class EmailNormalizer {
    public static final Set<String> DEFAULT_DOT_INSENSITIVE = Set.of("gmail.com", "googlemail.com");
    public static final Set<String> DEFAULT_PLUS_TAG = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "icloud.com", "me.com", "fastmail.com", "protonmail.com", "proton.me", "yahoo.com");
    private final Set<String> dotInsensitive;
    private final Set<String> plusTag;

    public EmailNormalizer(Set<String> dotInsensitive, Set<String> plusTag) {
        this.dotInsensitive = dotInsensitive;
        this.plusTag = plusTag;
    }

    public static EmailNormalizer defaults() {
        return new EmailNormalizer(DEFAULT_DOT_INSENSITIVE, DEFAULT_PLUS_TAG);
    }

    public String canonical(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return email;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (plusTag.contains(domain)) {
            int plus = local.indexOf('+');
            if (plus > 0) {
                local = local.substring(0, plus);
            }
        }
        if (dotInsensitive.contains(domain)) {
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }
}
