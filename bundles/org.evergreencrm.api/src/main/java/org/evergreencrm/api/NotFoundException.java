package org.evergreencrm.api;

/** The record does not exist (or was deleted). */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
