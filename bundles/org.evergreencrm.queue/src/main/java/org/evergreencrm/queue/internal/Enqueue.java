package org.evergreencrm.queue.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.queue.Bucket;

/** Puts one contact in a bucket (inside the caller's transaction): added, moved, or the reason it was refused. */
final class Enqueue {
    static final String ADDED = "ADDED";
    static final String MOVED = "MOVED";

    private Enqueue() {
    }

    /** @param phone the number to call, E.164 */
    static String one(Connection c, Contact contact, String phone, Bucket bucket, Double priority, boolean move,
            Instant now, String actor) throws SQLException {
        PostalAddress a = contact.address();
        String state = a == null || a.state() == null || a.state().trim().length() != 2 ? null : a.state().trim().toUpperCase(java.util.Locale.ROOT);
        String zip = a == null ? null : a.postalCode();
        double p = priority != null ? priority : score(contact);
        double sortKey = SortKeys.of(bucket.order(), p, now, null, null);
        Optional<QueueRow> existing = QueueStore.lock(c, contact.id());
        if (existing.isEmpty()) {
            QueueStore.insert(c, contact.id(), bucket.id(), phone, state, zip, p, sortKey, now, 0);
            QueueStore.history(c, contact.id(), now, "ENTERED", bucket.id(), actor, "into " + bucket.name());
            return ADDED;
        }
        QueueRow row = existing.get();
        if ("CLAIMED".equals(row.status())) {
            return "held by a rep right now (attempt " + row.claimAttempt() + ")";
        }
        if ("QUEUED".equals(row.status())) {
            if (row.bucketId() != null && row.bucketId() == bucket.id()) {
                return "already in bucket " + bucket.name();
            }
            if (!move) {
                return "queued in another bucket (" + row.bucketId() + "); ask to move it";
            }
        }
        QueueStore.requeue(c, contact.id(), bucket.id(), phone, state, zip, p,
                SortKeys.of(bucket.order(), p, row.enteredAt(), row.lastAttemptAt(), null), now);
        QueueStore.history(c, contact.id(), now, "QUEUED".equals(row.status()) ? "MOVED" : "ENTERED", bucket.id(), actor,
                "into " + bucket.name() + ("QUEUED".equals(row.status()) ? " (moved by hand)" : " (re-queued, "
                        + row.attemptsTotal() + " calls so far)"));
        return "QUEUED".equals(row.status()) ? MOVED : ADDED;
    }

    /** The contact's {@code score} custom field (set by lead scoring), else 0. */
    static double score(Contact contact) {
        Object s = contact.customFields() == null ? null : contact.customFields().get("score");
        return s instanceof Number n ? n.doubleValue() : 0;
    }
}
