package org.evergreencrm.api.dedup;

import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.security.Actor;

/** How users measure duplicate detection on their own data (import, export predicted pairs, precision/recall/F1). */
public interface DedupEvaluation {

    /**
     * Imports people from a CSV (with a header row) as contacts.
     *
     * @param mapping field → column: externalId, givenName, surname, streetNumber, address1, address2, city,
     *        postcode, state, country, dateOfBirth, phone, email
     */
    ImportResult importCsv(Actor actor, Reader csv, Map<String, String> mapping, String source);

    /** The probability from which a pair goes to the review queue: the export's default threshold. */
    double reviewThreshold();

    /** Writes {@code id_a,id_b,score} (external ids) for the last batch search's pairs at or above the threshold. */
    int exportPairs(Writer out, double threshold);

    /** Scores of the last batch search against true pairs ({@code id_a,id_b}): at the review threshold, then the best. */
    List<Scores> evaluate(Reader truePairs);

    /**
     * Reads a column mapping written as {@code field=column} entries (shell {@code --map}, REST {@code map=}).
     *
     * @throws org.evergreencrm.api.ValidationException naming the first entry that is not {@code field=column}
     */
    static Map<String, String> parseMapping(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new org.evergreencrm.api.ValidationException("map", "give at least one field=column mapping");
        }
        Map<String, String> mapping = new java.util.LinkedHashMap<>();
        for (String entry : entries) {
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new org.evergreencrm.api.ValidationException("map", "'" + entry + "' is not field=column");
            }
            mapping.put(kv[0].trim(), kv[1].trim());
        }
        return mapping;
    }

    record ImportResult(int rows, int created, List<String> errors) {
    }

    record Scores(double threshold, double precision, double recall, double f1, int truePositives, int falsePositives,
            int falseNegatives) {
    }
}
