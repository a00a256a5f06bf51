package org.evergreencrm.rest.internal.resources;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.rest.internal.problem.Problems;

/** Parses query parameters, naming the parameter at fault when a value is wrong. */
final class QueryParams {
    private QueryParams() {
    }

    static Long parseLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "'" + Problems.cut(value) + "' is not a whole number");
        }
    }

    static int parseInt(String name, String value, int fallback) {
        Long parsed = parseLong(name, value);
        if (parsed == null) {
            return fallback;
        }
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw new ValidationException(name, "is out of range");
        }
        return parsed.intValue();
    }

    static boolean parseBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ValidationException(name, "'" + Problems.cut(value) + "' is not true or false");
        };
    }

    static double parseDouble(String name, String value, double fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException(value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "'" + Problems.cut(value) + "' is not a number");
        }
    }

    static <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "'" + Problems.cut(value) + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An ISO-8601 instant ({@code 2026-05-01T12:00:00Z}) or a date ({@code 2026-05-01}, midnight UTC). */
    static Instant parseInstant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "'" + Problems.cut(value) + "' is not a date (2026-05-01) or an instant (2026-05-01T12:00:00Z)");
        }
    }
}
