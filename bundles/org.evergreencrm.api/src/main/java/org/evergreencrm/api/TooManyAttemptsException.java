package org.evergreencrm.api;

import java.time.Instant;

/** Refused for now after too many failed attempts (sign-ins); the caller may try again after {@link #retryAt()}. */
public class TooManyAttemptsException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final transient Instant retryAt;

    public TooManyAttemptsException(String message, Instant retryAt) {
        super(message);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
