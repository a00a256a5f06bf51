package org.evergreencrm.api.queue;

import java.util.Map;

/** Contacts added (or moved) to a bucket, and every contact refused with the reason. */
public record EnqueueResult(int added, int moved, Map<Long, String> refused) {
}
