package org.evergreencrm.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.security.UserDraft;

/** Checks a user draft field by field and reports every problem at once. */
final class UserValidator {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;

    private UserValidator() {
    }

    static void check(UserDraft d, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw new ValidationException("", "a user is required");
        }
        if (d.username() == null || !USERNAME.matcher(d.username()).matches()) {
            errors.add(new FieldError("username",
                    "3 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (d.displayName() == null || d.displayName().isBlank()) {
            errors.add(new FieldError("displayName", "is required"));
        } else if (d.displayName().length() > 200) {
            errors.add(new FieldError("displayName", "at most 200 characters"));
        }
        if (d.email() != null && (d.email().length() > 254 || !EMAIL.matcher(d.email()).matches())) {
            errors.add(new FieldError("email", "is not an email address"));
        }
        if (d.role() == null) {
            errors.add(new FieldError("role", "is required: ADMIN, MANAGER or REP"));
        }
        if (d.password() == null) {
            if (creating) {
                errors.add(new FieldError("password", "is required"));
            }
        } else if (d.password().length() < MIN_PASSWORD || d.password().length() > MAX_PASSWORD) {
            errors.add(new FieldError("password", MIN_PASSWORD + " to " + MAX_PASSWORD + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
