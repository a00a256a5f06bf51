package org.evergreencrm.dedup.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.dedup.PersonRecord;
import org.junit.jupiter.api.Test;

/**
 * Batch duplicate search over about a million synthetic people, timed by phase, with its quality; and, as the
 * baseline in the same run, the cheapest possible pass over the same records (grouping by exact phone).
 * Not a unit test: run with {@code ./mvnw -pl bundles/org.evergreencrm.dedup -am test -Pbenchmark}
 * (see docs/benchmarks.md).
 */
class DedupEngineBenchmark {

    @Test
    void millionPeople() {
        int originals = Integer.getInteger("evergreen.bench.people", 770_000);
        long t0 = System.nanoTime();
        SyntheticPeople.Dataset data = new SyntheticPeople(11).generate(originals, 0.3);
        long t1 = System.nanoTime();

        Map<String, List<String>> byPhone = new HashMap<>();
        for (PersonRecord r : data.records()) {
            for (String p : r.phones()) {
                byPhone.computeIfAbsent(p.replaceAll("\\D", ""), k -> new ArrayList<>()).add(r.id());
            }
        }
        long t2 = System.nanoTime();

        DuplicateFinder.Run run = new DuplicateFinder(PersonNormalizer.defaults("US"), FellegiSunterModel.defaults())
                .run(data.records(), new DuplicateFinder.Listener() {
                    private long last = System.nanoTime();
                    private String phase = "start";

                    @Override
                    public void progress(String next, long done, long total) {
                        if (!next.equals(phase)) {
                            long now = System.nanoTime();
                            System.out.printf("[evergreen]   %-12s %.1f s%n", phase, (now - last) / 1e9);
                            last = now;
                            phase = next;
                        }
                    }
                });
        long t3 = System.nanoTime();
        Evaluation.Scores at = Evaluation.at(0.8, run.pairs(), data.truePairs());
        System.out.printf("[evergreen] dedup engine benchmark, %d cores, %d MB max heap%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("| records | true pairs | candidate pairs | generate s | baseline: group by phone s | full search s | ratio | F1 at 0.8 |%n");
        System.out.printf("| %,d | %,d | %,d | %.1f | %.2f | %.1f | %.0f× | %.4f |%n", data.records().size(),
                data.truePairs().size(), run.candidatePairs(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                (double) (t3 - t2) / (t2 - t1), at.f1());
    }
}
