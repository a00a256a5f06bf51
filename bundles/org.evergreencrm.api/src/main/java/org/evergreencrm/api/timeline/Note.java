package org.evergreencrm.api.timeline;

import java.time.Instant;
import java.util.List;

/** A note on a contact; {@code mentions} are the users named with {@code @username} in the text who exist. */
public record Note(long id, long contactId, String author, String text, List<String> mentions, Instant at) {
}
