package org.evergreencrm.leads.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.evergreencrm.api.lead.IncomingLead;

/**
 * Takes leads submitted one at a time (web forms, webhooks, calls) into the intake together when they arrive
 * together — group commit: the first caller that finds no batch running becomes the leader, takes every lead
 * waiting (up to {@code max}), runs them as one batch and hands each caller its own result; the others wait for it.
 * A lead arriving alone runs at once, as a batch of one. What callers get is what they would get alone: their
 * lead, or its failure (the batch keeps each lead's fate apart).
 */
final class Coalescer {
    private record Pending(IncomingLead lead, CompletableFuture<LeadWork> result) {
    }

    private final Function<List<IncomingLead>, List<LeadWork>> run;
    private final int max;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean running;

    Coalescer(Function<List<IncomingLead>, List<LeadWork>> run, int max) {
        this.run = run;
        this.max = Math.max(1, max);
    }

    LeadWork submit(IncomingLead lead) {
        Pending me = new Pending(lead, new CompletableFuture<>());
        synchronized (this) {
            waiting.add(me);
        }
        while (!me.result().isDone()) {
            List<Pending> batch = take();
            if (batch == null) {
                awaitTurn(me);
                continue;
            }
            try {
                List<LeadWork> done = run.apply(batch.stream().map(Pending::lead).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(done.get(i));
                }
            } catch (RuntimeException | Error e) {
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                synchronized (this) {
                    running = false;
                    notifyAll();
                }
            }
        }
        try {
            return me.result().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The waiting leads when no batch is running (this caller leads it), else null. */
    private synchronized List<Pending> take() {
        if (running || waiting.isEmpty()) {
            return null;
        }
        running = true;
        List<Pending> batch = new ArrayList<>();
        while (!waiting.isEmpty() && batch.size() < max) {
            batch.add(waiting.poll());
        }
        return batch;
    }

    private synchronized void awaitTurn(Pending me) {
        while (running && !me.result().isDone()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the lead waited for its batch", e);
            }
        }
    }
}
