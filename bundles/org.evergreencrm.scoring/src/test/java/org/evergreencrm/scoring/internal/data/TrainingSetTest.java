package org.evergreencrm.scoring.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Training data from any CSV through a mapping: delimiters, quotes, missing and "unknown" values, typed cells, the
 * leakage guard (refusal and warning), and the synthetic generator's known signal.
 */
class TrainingSetTest {
    private static Mapping mapping(String yamlOrJson) throws Exception {
        return Mapping.read(new ByteArrayInputStream(yamlOrJson.getBytes(StandardCharsets.UTF_8)));
    }

    /** A telemarketing-like file as banks publish them: semicolons, quoted text, "unknown" values, a post-call column. */
    private static final String BANK = String.join("\n",
            "\"age\";\"job\";\"marital\";\"housing\";\"contact_date\";\"duration\";\"pdays\";\"y\"",
            "58;\"management\";\"married\";\"yes\";2024-05-05;261;-1;\"no\"",
            "44;\"technician\";\"single\";\"yes\";2024-05-05;151;-1;\"no\"",
            "33;\"entrepreneur, small\";\"married\";\"no\";5/6/2024;1076;-1;\"yes\"",
            "47;\"unknown\";\"married\";\"unknown\";2024-05-07;92;-1;\"no\"",
            "33;\"unknown\";\"single\";\"no\";2024-05-07;198;-1;\"\"",
            "thirty;\"retired\";\"divorced\";\"no\";2024-05-08;980;-1;\"yes\"");

    @Test
    void aSemicolonFileWithQuotesAndUnknownsIsReadAndSaysWhatItLeftOut() throws Exception {
        Mapping m = mapping("outcome: y\npositive: [yes]\ndate: contact_date\nfeatures:\n  age: numeric\n  job: categorical\n"
                + "  marital: categorical\n  housing: boolean\ndrop: [duration]\n");
        TrainingSet set = TrainingSet.read(new StringReader(BANK), m);
        assertEquals(';', set.report().delimiter());
        assertEquals(6, set.report().rowsRead());
        assertEquals(5, set.report().rowsUsed());
        assertEquals(1, set.report().withoutOutcome(), "the row with an empty outcome is counted, not used");
        assertEquals(2, set.report().positives());
        assertEquals(List.of("pdays"), set.report().unmapped(), "a column neither mapped nor dropped is reported");
        assertEquals(1L, set.report().unreadableCells().get("age"), "'thirty' is no number: missing, and counted");
        assertEquals("entrepreneur, small", set.rows().get(2).values().get("job"), "a quoted delimiter stays in the value");
        assertNull(set.rows().get(3).values().get("job"), "'unknown' is missing");
        assertNull(set.rows().get(3).values().get("housing"));
        assertEquals(Boolean.TRUE, set.rows().get(0).values().get("housing"));
        assertEquals(58.0, set.rows().get(0).values().get("age"));
        assertEquals(2024, set.rows().get(2).date().getYear(), "5/6/2024 read as a date");
        assertTrue(set.report().warnings().stream().anyMatch(w -> w.contains("pdays")), set.report().warnings().toString());
    }

    @Test
    void aFeatureKnownOnlyAfterTheOutcomeIsRefusedWithTheReason() throws Exception {
        Mapping m = mapping("{\"outcome\": \"y\", \"positive\": \"yes\", \"features\": {\"age\": \"numeric\", "
                + "\"duration\": {\"type\": \"numeric\", \"afterOutcome\": true}}, \"drop\": [\"pdays\"]}");
        Mapping.MappingException e = assertThrows(Mapping.MappingException.class, () -> TrainingSet.read(new StringReader(BANK), m));
        assertEquals("features.duration", e.field());
        assertTrue(e.getMessage().contains("known only after the outcome"), e.getMessage());
    }

    @Test
    void aLeakyColumnNotMarkedIsWarnedAbout() throws Exception {
        String csv = SyntheticOutcomes.csv(3_000, 7);
        Mapping m = mapping("outcome: sold\npositive: yes\nfeatures:\n  source: categorical\n  credit_tier: categorical\n"
                + "  distance_mi: numeric\n  call_duration: numeric\ndrop: [lead_id, received_at, product, state, prior_contacts, campaign]\n");
        TrainingSet set = TrainingSet.read(new StringReader(csv), m);
        assertEquals(',', set.report().delimiter());
        assertTrue(set.report().warnings().stream().anyMatch(w -> w.startsWith("feature 'call_duration' alone predicts the outcome almost perfectly")),
                set.report().warnings().toString());
        assertTrue(set.report().warnings().stream().noneMatch(w -> w.contains("'source'")), "a real signal is no leak");
    }

    @Test
    void theSyntheticSignalIsThereAndMeasurable() throws Exception {
        String csv = SyntheticOutcomes.csv(5_000, 11).replace(',', '\t');
        Mapping m = mapping("outcome: sold\npositive: [yes, YES]\ndate: received_at\nfeatures:\n  source: categorical\n  credit_tier: categorical\n"
                + "  distance_mi: numeric\n  prior_contacts: numeric\n  product: categorical\n"
                + "drop: [lead_id, state, campaign, call_duration]\n");
        TrainingSet set = TrainingSet.read(new StringReader(csv), m);
        assertEquals('\t', set.report().delimiter());
        double rate = (double) set.report().positives() / set.report().rowsUsed();
        assertTrue(rate > 0.08 && rate < 0.35, "a plausible sale rate: " + rate);
        assertTrue(LeakageGuard.singleFeatureAuc(set, "source") > 0.6, "referrals sell: " + LeakageGuard.singleFeatureAuc(set, "source"));
        double distance = LeakageGuard.singleFeatureAuc(set, "distance_mi");
        assertTrue(distance < 0.5, "farther sells less: " + distance);
        double product = LeakageGuard.singleFeatureAuc(set, "product");
        assertTrue(Math.abs(product - 0.5) < 0.05, "the product line carries no signal by construction: " + product);
    }

    @Test
    void badMappingsAndFilesNameTheirFault() throws Exception {
        assertEquals("outcome", assertThrows(Mapping.MappingException.class, () -> mapping("positive: yes\nfeatures: {a: numeric}")).field());
        assertEquals("positive", assertThrows(Mapping.MappingException.class, () -> mapping("outcome: y\nfeatures: {a: numeric}")).field());
        assertEquals("features.a", assertThrows(Mapping.MappingException.class,
                () -> mapping("outcome: y\npositive: yes\nfeatures: {a: money}")).field());
        assertEquals("mapping", assertThrows(Mapping.MappingException.class, () -> mapping("{not json")).field());
        Mapping m = mapping("outcome: y\npositive: yes\nfeatures: {salary: numeric}");
        assertEquals("features.salary", assertThrows(Mapping.MappingException.class, () -> TrainingSet.read(new StringReader(BANK), m)).field());
        Mapping none = mapping("outcome: y\npositive: maybe\nfeatures: {age: numeric}\ndrop: [job, marital, housing, contact_date, duration, pdays]");
        assertEquals("positive", assertThrows(Mapping.MappingException.class, () -> TrainingSet.read(new StringReader(BANK), none)).field(),
                "no row is positive: nothing to learn");
        assertEquals("csv", assertThrows(Mapping.MappingException.class, () -> TrainingSet.read(new StringReader(""), m)).field());
    }

    @Test
    void aucIsTheMannWhitneyStatistic() {
        assertEquals(1.0, LeakageGuard.auc(new java.util.ArrayList<>(List.of(new double[] {1, 0}, new double[] {2, 1}))));
        assertEquals(0.5, LeakageGuard.auc(new java.util.ArrayList<>(List.of(new double[] {1, 0}, new double[] {1, 1}))));
        assertEquals(0.75, LeakageGuard.auc(new java.util.ArrayList<>(List.of(new double[] {1, 0}, new double[] {2, 1},
                new double[] {3, 0}, new double[] {4, 1}))));
    }
}
