package org.evergreencrm.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.evergreencrm.api.lead.IncomingLead;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    private static IncomingLead lead(String id) {
        return new IncomingLead("test", id, Map.of(), "", Instant.EPOCH);
    }

    @Test
    void concurrentSubmissionsGoInTogetherAndEachCallerGetsItsOwnLead() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Coalescer c = new Coalescer(leads -> {
            sizes.add(leads.size());
            List<LeadWork> out = new ArrayList<>();
            for (IncomingLead l : leads) {
                assertTrue(seen.add(l.sourceLeadId()), "each lead runs once: " + l.sourceLeadId());
                out.add(new LeadWork(l));
            }
            try {
                Thread.sleep(20); // a batch takes a while: others queue up meanwhile
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }, 50);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            String id = "L" + i;
            answers.add(pool.submit(() -> {
                go.await();
                return c.submit(lead(id)).incoming.sourceLeadId();
            }));
        }
        go.countDown();
        for (int i = 0; i < answers.size(); i++) {
            assertEquals("L" + i, answers.get(i).get(), "every caller gets the result of its own lead");
        }
        pool.shutdown();
        assertEquals(160, seen.size());
        assertEquals(160, sizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(sizes.stream().anyMatch(n -> n > 1), "leads arriving together went in together: " + sizes);
        assertTrue(sizes.stream().allMatch(n -> n <= 50), "at most the batch size: " + sizes);
        assertTrue(sizes.size() < 160, "fewer batches than leads: " + sizes.size());
    }

    @Test
    void aLoneLeadRunsAtOnceAndAFailureReachesItsCaller() {
        IllegalStateException down = new IllegalStateException("database down");
        Coalescer failing = new Coalescer(leads -> {
            throw down;
        }, 10);
        assertSame(down, assertThrows(IllegalStateException.class, () -> failing.submit(lead("x"))));
        Coalescer ok = new Coalescer(leads -> leads.stream().map(LeadWork::new).toList(), 10);
        assertEquals("y", ok.submit(lead("y")).incoming.sourceLeadId());
        assertEquals("z", ok.submit(lead("z")).incoming.sourceLeadId(), "the next one is not stuck behind the failure");
    }
}
