package org.evergreencrm.compliance.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A US number as compliance needs it: the 10-digit national number (registry lists key on it), the area code,
 * and the time zones libphonenumber's time-zone mapper gives for the number.
 */
record PhoneFacts(long national, int areaCode, List<ZoneId> zones) {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    String e164() {
        return "+1" + national;
    }

    /** Parses a number as entered (US default region); empty unless it is a valid US number. */
    static Optional<PhoneFacts> of(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber n = UTIL.parse(raw, "US");
            if (n.getCountryCode() != 1 || !"US".equals(UTIL.getRegionCodeForNumber(n))) {
                return Optional.empty();
            }
            long national = n.getNationalNumber();
            List<ZoneId> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(n).stream()
                    .filter(z -> !z.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()))
                    .map(ZoneId::of).toList();
            return Optional.of(new PhoneFacts(national, (int) (national / 10_000_000L), zones));
        } catch (NumberParseException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A registry-file line's number: exactly 10 digits (a leading 1 is dropped), else -1. */
    static long registryNumber(String digits) {
        String d = digits.trim();
        if (d.length() == 11 && d.charAt(0) == '1') {
            d = d.substring(1);
        }
        if (d.length() != 10 || d.charAt(0) < '2') {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < 10; i++) {
            char c = d.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
