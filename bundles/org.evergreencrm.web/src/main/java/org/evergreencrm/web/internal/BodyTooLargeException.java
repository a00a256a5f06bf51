package org.evergreencrm.web.internal;

import java.io.IOException;

/** A request body (sent without a length, or longer than it said) ran past the endpoint's limit. */
final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
        super("the body is larger than the " + limit + " bytes accepted here");
    }
}
