package org.evergreencrm.api;

/** The write conflicts with the stored state: a unique value already taken, or a stale version. */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, or {@code null} when the whole record conflicts (a stale version). */
    public String field() {
        return field;
    }
}
