package org.evergreencrm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.evergreencrm.api.lead.LeadImport;

/**
 * This node's bulk intakes (dropped files, from every drop folder) and their progress (the last {@value #KEEP}), for
 * {@code crm:lead-imports} and REST.
 */
@org.osgi.service.component.annotations.Component(service = LeadImports.class)
public final class LeadImports {
    static final int KEEP = 50;
    private final Deque<Progress> recent = new ArrayDeque<>();
    private final Clock clock;

    public LeadImports() {
        this(Clock.systemUTC());
    }

    LeadImports(Clock clock) {
        this.clock = clock;
    }

    /** One running intake; updated as chunks finish. */
    final class Progress {
        private final String name;
        private final String source;
        private final Instant started = clock.instant();
        private volatile long total;
        private volatile long processed;
        private volatile long stored;
        private volatile long dead;
        private volatile Instant finished;
        private volatile String status = "RUNNING";
        private volatile String error;

        private Progress(String name, String source) {
            this.name = name;
            this.source = source;
        }

        void total(long n) {
            total = n;
        }

        synchronized void chunk(long storedInChunk, long deadInChunk) {
            stored += storedInChunk;
            dead += deadInChunk;
            processed += storedInChunk + deadInChunk;
        }

        void end(String finalStatus, String why) {
            status = finalStatus;
            error = why;
            finished = clock.instant();
        }

        LeadImport view() {
            return new LeadImport(name, source, total, processed, stored, dead, started, finished, status, error);
        }
    }

    synchronized Progress start(String name, String source) {
        Progress p = new Progress(name, source);
        recent.addFirst(p);
        while (recent.size() > KEEP) {
            recent.removeLast();
        }
        return p;
    }

    synchronized List<LeadImport> list() {
        List<LeadImport> out = new ArrayList<>();
        recent.forEach(p -> out.add(p.view()));
        return out;
    }
}
