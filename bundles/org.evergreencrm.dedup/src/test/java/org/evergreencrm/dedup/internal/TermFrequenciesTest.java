package org.evergreencrm.dedup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.dedup.FieldScore;
import org.evergreencrm.api.dedup.PersonRecord;
import org.junit.jupiter.api.Test;

class TermFrequenciesTest {
    private final PersonNormalizer normalizer = PersonNormalizer.defaults("US");

    private NormalizedPerson person(String id, String given, String family, String zip) {
        return normalizer.normalize(new PersonRecord(id, given, family, null, null, null, "Tampa", zip, "FL", null, List.of(), List.of()));
    }

    @Test
    void agreeingOnARareNameWeighsMoreThanOnACommonOne() {
        List<NormalizedPerson> people = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            people.add(person("s" + i, i % 2 == 0 ? "John" : "Mary", "Smith", "3360" + (i % 10)));
        }
        for (int i = 0; i < 700; i++) {
            people.add(person("o" + i, "Given" + i, "Family" + i, "336" + (10 + i % 90)));
        }
        people.add(person("z1", "Zebulon", "Zabrowski", "33601"));
        people.add(person("z2", "Zebulon", "Zabrowski", "33601"));
        TermFrequencies tf = TermFrequencies.of(people);
        assertEquals(300.0 / 1002, tf.frequency(Field.FAMILY_NAME, "smith"), 1e-9);
        assertEquals(-1, tf.frequency(Field.FAMILY_NAME, "nobody"));

        FellegiSunterModel model = FellegiSunterModel.defaults();
        NormalizedPerson john1 = people.get(0);
        NormalizedPerson john2 = people.get(10); // John Smith, the same postcode
        NormalizedPerson zeb1 = people.get(1000);
        NormalizedPerson zeb2 = people.get(1001);
        int[] common = PairComparator.compare(john1, john2);
        int[] rare = PairComparator.compare(zeb1, zeb2);
        assertEquals(java.util.Arrays.toString(common), java.util.Arrays.toString(rare), "the same agreement levels");
        double[] commonAdj = tf.adjustments(model, common, john1, john2);
        double[] rareAdj = tf.adjustments(model, rare, zeb1, zeb2);
        assertTrue(commonAdj[Field.FAMILY_NAME.ordinal()] < 0, "smith is common: " + commonAdj[Field.FAMILY_NAME.ordinal()]);
        assertTrue(rareAdj[Field.FAMILY_NAME.ordinal()] > 0, "zabrowski is rare: " + rareAdj[Field.FAMILY_NAME.ordinal()]);
        assertTrue(model.weight(rare, rareAdj) > model.weight(common, commonAdj) + 5);
        for (double a : rareAdj) {
            assertTrue(Math.abs(a) <= TermFrequencies.LIMIT, "limited: " + a);
        }
        FieldScore family = model.explain(common, commonAdj, john1, john2).stream().filter(f -> f.field().equals("familyName")).findFirst().orElseThrow();
        assertEquals("exact (common value)", family.level());
        // no table, no adjustment: the online check's scores stay as they were
        assertEquals(model.weight(common), model.weight(common, TermFrequencies.NONE.adjustments(model, common, john1, john2)), 1e-12);
    }

    @Test
    void aNicknameOrSwappedNameMatchIsNotAdjusted() {
        List<NormalizedPerson> people = List.of(person("a", "Bob", "Smith", "33601"), person("b", "Robert", "Smith", "33601"),
                person("c", "Smith", "Robert", "33601"));
        TermFrequencies tf = TermFrequencies.of(people);
        FellegiSunterModel model = FellegiSunterModel.defaults();
        int[] nick = PairComparator.compare(people.get(0), people.get(1));
        assertEquals(0, nick[Field.GIVEN_NAME.ordinal()], "bob is robert");
        assertEquals(0.0, tf.adjustments(model, nick, people.get(0), people.get(1))[Field.GIVEN_NAME.ordinal()]);
    }
}
