package org.evergreencrm.dedup.internal;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.evergreencrm.api.dedup.PersonRecord;

/** Writes a labelled synthetic data set as two CSVs: the people, and the true duplicate pairs. */
public final class SyntheticCsv {
    public static final String[] HEADER = {"rec_id", "given_name", "surname", "street_number", "address_1", "address_2", "suburb",
        "postcode", "state", "date_of_birth", "phone", "email"};

    private SyntheticCsv() {
    }

    public static void write(SyntheticPeople.Dataset data, Writer people, Writer truth) throws IOException {
        try (CSVPrinter p = new CSVPrinter(people, CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
            for (PersonRecord r : data.records()) {
                p.printRecord(r.id(), r.givenName(), r.familyName(), r.streetNumber(), r.addressLine(), r.addressLine2(), r.city(),
                        r.postcode(), r.state(), r.dateOfBirth(), r.phones().isEmpty() ? null : r.phones().get(0),
                        r.emails().isEmpty() ? null : r.emails().get(0));
            }
        }
        try (CSVPrinter t = new CSVPrinter(truth, CSVFormat.DEFAULT.builder().setHeader("id_a", "id_b").build())) {
            for (String[] pair : data.truePairs()) {
                t.printRecord(pair[0], pair[1]);
            }
        }
    }
}
