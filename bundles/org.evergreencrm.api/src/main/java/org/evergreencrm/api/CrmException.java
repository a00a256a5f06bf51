package org.evergreencrm.api;

/** Base of every error a CRM service reports to its caller; the REST layer maps each kind to a problem+json status. */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CrmException(String message) {
        super(message);
    }

    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
