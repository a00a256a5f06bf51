package org.evergreencrm.api.security;

/** EventAdmin topics posted when users change (the authentication cache listens to them). */
public final class UserEvents {
    public static final String TOPIC_PREFIX = "org/evergreencrm/user/";
    public static final String CREATED = TOPIC_PREFIX + "CREATED";
    public static final String UPDATED = TOPIC_PREFIX + "UPDATED";
    public static final String USER_ID = "user.id";
    public static final String USERNAME = "user.username";

    private UserEvents() {
    }
}
