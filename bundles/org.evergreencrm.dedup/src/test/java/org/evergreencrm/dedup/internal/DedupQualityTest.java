package org.evergreencrm.dedup.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Detection quality on labelled synthetic people at the default settings (issue #3 target: F1 >= 0.98). */
class DedupQualityTest {
    static final double DEFAULT_THRESHOLD = 0.9;

    @Test
    void findsSyntheticDuplicatesWithHighF1() {
        SyntheticPeople.Dataset data = new SyntheticPeople(7).generate(5_000, 0.3);
        DuplicateFinder.Run run = new DuplicateFinder(PersonNormalizer.defaults("US"), FellegiSunterModel.defaults())
                .run(data.records());
        Evaluation.Scores at = Evaluation.at(DEFAULT_THRESHOLD, run.pairs(), data.truePairs());
        Evaluation.Scores best = Evaluation.best(run.pairs(), data.truePairs());
        System.out.printf("[evergreen] dedup on %d records, %d true pairs, %d candidate pairs: at %.2f P=%.4f R=%.4f F1=%.4f;"
                + " best %.3f F1=%.4f%n", data.records().size(), data.truePairs().size(), run.candidatePairs(),
                at.threshold(), at.precision(), at.recall(), at.f1(), best.threshold(), best.f1());
        assertTrue(at.f1() >= 0.98, "F1 " + at.f1() + " (P " + at.precision() + ", R " + at.recall() + ")");
    }
}
