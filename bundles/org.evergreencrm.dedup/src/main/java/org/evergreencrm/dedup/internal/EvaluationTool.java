package org.evergreencrm.dedup.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.evergreencrm.api.CrmException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.DedupEvaluation;
import org.evergreencrm.api.dedup.MatchResult;
import org.evergreencrm.api.dedup.PersonRecords;
import org.evergreencrm.api.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * How users measure duplicate detection on their own data: import a CSV of people with a column mapping, run the
 * batch search, export the predicted pairs with the external ids, and compare them with known true pairs.
 */
@Component(service = {EvaluationTool.class, DedupEvaluation.class})
public final class EvaluationTool implements DedupEvaluation {
    /** The fields a CSV column can be mapped to. */
    public static final Set<String> FIELDS = Set.of("externalId", "givenName", "surname", "streetNumber", "address1",
            "address2", "city", "postcode", "state", "country", "dateOfBirth", "phone", "email");

    private final ContactService contacts;
    private final DedupJobService jobs;

    @Activate
    public EvaluationTool(@Reference ContactService contacts, @Reference DedupJobService jobs) {
        this.contacts = contacts;
        this.jobs = jobs;
    }

    /**
     * @param mapping field → CSV column name (header), e.g. {@code givenName=given_name}
     * @param source the lead source recorded on the created contacts
     */
    @Override
    public ImportResult importCsv(Actor actor, Reader csv, Map<String, String> mapping, String source) {
        for (String field : mapping.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new ValidationException("mapping." + field, "unknown field; use one of " + FIELDS);
            }
        }
        // the whole file is read and its columns checked before the first contact is written: a file that cannot be
        // read, or a mapping to a missing column, writes nothing
        List<CSVRecord> records;
        try (org.apache.commons.csv.CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).build().parse(csv)) {
            for (Map.Entry<String, String> m : mapping.entrySet()) {
                if (!parser.getHeaderMap().containsKey(m.getValue())) {
                    throw new ValidationException("mapping." + m.getKey(), "the CSV has no column '" + m.getValue() + "'");
                }
            }
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ValidationException("csv", "cannot read the CSV: " + e.getMessage());
        }
        int created = 0;
        List<String> errors = new ArrayList<>();
        for (CSVRecord row : records) {
            try {
                contacts.create(actor, draft(row, mapping, source));
                created++;
            } catch (CrmException e) {
                errors.add("line " + (row.getRecordNumber() + 1) + ": " + e.getMessage());
            }
        }
        return new ImportResult(records.size(), created, errors);
    }

    @Override
    public double reviewThreshold() {
        return jobs.reviewThreshold();
    }

    /** Writes {@code id_a,id_b,score} for the last run's pairs at or above the threshold, with external ids. */
    @Override
    public int exportPairs(Writer out, double threshold) {
        Map<String, String> ext = jobs.lastExternalIds();
        int n = 0;
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("id_a", "id_b", "score").build())) {
            for (MatchResult m : jobs.lastPairs()) {
                if (m.probability() >= threshold) {
                    printer.printRecord(ext.getOrDefault(m.leftId(), m.leftId()), ext.getOrDefault(m.rightId(), m.rightId()),
                            String.format(Locale.ROOT, "%.6f", m.probability()));
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /**
     * Precision, recall and F1 of the last run against a CSV of true pairs ({@code id_a,id_b}, external ids), over the
     * pairs of records that carry an external id (the imported ones).
     */
    @Override
    public List<Scores> evaluate(Reader truePairs) {
        List<String[]> truth = new ArrayList<>();
        try {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build()
                    .parse(truePairs)) {
                if (row.size() < 2 || row.get(0).isBlank() || row.get(1).isBlank()) {
                    throw new ValidationException("truePairs", "line " + row.getRecordNumber()
                            + " needs two ids (id_a,id_b); it has " + row.size() + " column(s)");
                }
                truth.add(new String[] {row.get(0), row.get(1)});
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException("truePairs", "cannot read the CSV: " + e.getMessage());
        }
        Map<String, String> ext = jobs.lastExternalIds();
        List<MatchResult> pairs = new ArrayList<>();
        for (MatchResult m : jobs.lastPairs()) {
            // only pairs of imported records (those with an external id): the CRM's own contacts are no part of the
            // labelled set, and their duplicates are not false positives of it
            if (ext.containsKey(m.leftId()) && ext.containsKey(m.rightId())) {
                pairs.add(new MatchResult(ext.get(m.leftId()), ext.get(m.rightId()), m.probability(), m.weight(), List.of()));
            }
        }
        return List.of(scores(Evaluation.at(jobs.reviewThreshold(), pairs, truth)), scores(Evaluation.best(pairs, truth)));
    }

    private static Scores scores(Evaluation.Scores s) {
        return new Scores(s.threshold(), s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(),
                s.falseNegatives());
    }

    private static ContactDraft draft(CSVRecord row, Map<String, String> mapping, String source) {
        Map<String, String> v = new LinkedHashMap<>();
        mapping.forEach((field, column) -> {
            String value = row.isSet(column) ? row.get(column) : null;
            if (value != null && !value.isBlank()) {
                v.put(field, value.strip());
            }
        });
        String line1 = join(v.get("streetNumber"), v.get("address1"));
        PostalAddress address = line1 == null && v.get("city") == null && v.get("postcode") == null ? null
                : new PostalAddress(line1, v.get("address2"), v.get("city"), v.get("state"), v.get("postcode"), v.get("country"));
        Map<String, Object> custom = new LinkedHashMap<>();
        if (v.containsKey("externalId")) {
            custom.put(PersonRecords.EXTERNAL_ID, v.get("externalId"));
        }
        if (v.containsKey("dateOfBirth")) {
            custom.put(PersonRecords.DATE_OF_BIRTH, isoDate(v.get("dateOfBirth")));
        }
        return new ContactDraft(ContactKind.PERSON, v.get("givenName"), v.get("surname"), null,
                v.containsKey("phone") ? List.of(new Phone(v.get("phone"), null)) : List.of(),
                v.containsKey("email") ? List.of(new Email(v.get("email"), null)) : List.of(), address, source, null, null,
                null, custom);
    }

    /** Accepts 2026-05-01 and 20260501 (FEBRL style); anything else is kept as given. */
    static String isoDate(String s) {
        return s.matches("[0-9]{8}") ? s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6) : s;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }
}
