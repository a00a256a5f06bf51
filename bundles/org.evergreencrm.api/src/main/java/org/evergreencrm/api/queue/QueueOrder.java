package org.evergreencrm.api.queue;

/** The order inside a bucket: highest score first, oldest first, least recently tried first, earliest callback first. */
public enum QueueOrder {
    SCORE, AGE, LAST_ATTEMPT, CALLBACK
}
