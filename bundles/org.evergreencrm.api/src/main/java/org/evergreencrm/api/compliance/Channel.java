package org.evergreencrm.api.compliance;

/** What a consent or revocation is about: calls (do-not-call) or text messages (do-not-text) are separate. */
public enum Channel {
    CALL, TEXT
}
