package org.evergreencrm.api.queue;

/**
 * What happened on a call. {@code NOT_DIALED} gives a claimed contact back untouched (no call was placed);
 * {@code DO_NOT_CALL} always ends the contact's queue life and records an internal do-not-call revocation.
 */
public enum CallOutcome {
    NO_ANSWER, BUSY, VOICEMAIL, NOT_INTERESTED, CALLBACK, APPOINTMENT_SET, WRONG_NUMBER, DO_NOT_CALL, NOT_DIALED
}
