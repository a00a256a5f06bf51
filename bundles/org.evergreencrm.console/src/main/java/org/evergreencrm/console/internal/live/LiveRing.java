package org.evergreencrm.console.internal.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The last events, numbered, so a client that lost its connection for a while gets what it missed. */
final class LiveRing {
    private final int capacity;
    private final ArrayDeque<LiveEvent> events = new ArrayDeque<>();
    private long last;

    LiveRing(int capacity) {
        this.capacity = capacity;
    }

    synchronized long last() {
        return last;
    }

    /** Numbers the event and keeps it. */
    synchronized LiveEvent append(LiveEvent unnumbered) {
        LiveEvent e = new LiveEvent(++last, unnumbered.topic(), unnumbered.contactIds(), unnumbered.ownerIds(),
                unnumbered.notices(), unnumbered.data(), unnumbered.at());
        events.addLast(e);
        while (events.size() > capacity) {
            events.removeFirst();
        }
        return e;
    }

    /** Every event after {@code since}, or empty when some of them are no longer kept (the client must reload). */
    synchronized Optional<List<LiveEvent>> after(long since) {
        if (since > last) {
            return Optional.empty(); // from another epoch of this node
        }
        long oldest = events.isEmpty() ? last + 1 : events.peekFirst().seq();
        if (since + 1 < oldest) {
            return Optional.empty();
        }
        List<LiveEvent> out = new ArrayList<>();
        for (LiveEvent e : events) {
            if (e.seq() > since) {
                out.add(e);
            }
        }
        return Optional.of(out);
    }
}
