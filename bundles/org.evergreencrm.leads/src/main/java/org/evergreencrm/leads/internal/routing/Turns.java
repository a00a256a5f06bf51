package org.evergreencrm.leads.internal.routing;

/**
 * This node's round-robin turns: taken from the database ({@code lead_routing_state}) a block at a time, so
 * concurrent intakes do not queue on one row lock per lead. One node hands its turns out in order; several nodes
 * each take blocks, so the rotation stays fair over time. Turns of a block not used when the node stops are
 * skipped (the position itself survives restarts).
 */
final class Turns {
    static final int BLOCK = 32;
    private final RoutingStore store;
    private final String name;
    private long next;
    private long end;

    Turns(RoutingStore store, String name) {
        this.store = store;
        this.name = name;
    }

    /** @param hint how many turns the caller may need soon (a batch's size): one reservation covers them */
    synchronized long next(int hint) {
        if (next == end) {
            int n = Math.max(BLOCK, Math.min(hint, 10_000));
            next = store.reserve(name, n);
            end = next + n;
        }
        return next++;
    }
}
