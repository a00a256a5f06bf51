package org.evergreencrm.api;

/** The caller is authenticated but may not do this. */
public class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
