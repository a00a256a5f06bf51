package org.evergreencrm.dedup.internal;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers to E.164 with libphonenumber; an extension is kept as {@code ;ext=123} (RFC 3966 style). */
public final class PhoneNormalizer {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * Numbers read lately (a lead's phone is read when it is checked, compared and stored, within moments); emptied
     * when it grows past {@value #RECENT} entries.
     */
    private static final int RECENT = 20_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<String>> recent = new java.util.concurrent.ConcurrentHashMap<>();

    /** The E.164 form, or empty when the text is not a possible phone number. */
    public Optional<String> e164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Optional<String> known = recent.get(raw);
        if (known == null) {
            known = parse(raw);
            if (recent.size() >= RECENT) {
                recent.clear();
            }
            recent.put(raw, known);
        }
        return known;
    }

    private Optional<String> parse(String raw) {
        try {
            PhoneNumber number = UTIL.parse(raw, defaultRegion);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            return Optional.of(number.hasExtension() && !number.getExtension().isEmpty() ? e164 + ";ext=" + number.getExtension() : e164);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number without extension, for matching (an extension reaches a person behind the same line). */
    public static String withoutExtension(String e164) {
        int ext = e164.indexOf(";ext=");
        return ext < 0 ? e164 : e164.substring(0, ext);
    }
}
