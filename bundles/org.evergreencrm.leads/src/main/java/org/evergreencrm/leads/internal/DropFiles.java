package org.evergreencrm.leads.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.LeadIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A file a provider dropped: CSV with a header line, or JSON (an object or an array of objects). Every lead in it is
 * submitted (stored, or kept as a dead letter); a file that cannot be read at all fails and Camel moves it to
 * {@code failed/}. Leads are keyed by the id column, else by file name and line, so a file read again after a crash
 * stores nothing twice.
 */
final class DropFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DropFiles.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LeadIntake intake;
    private final String idField;

    DropFiles(LeadIntake intake, String idField) {
        this.intake = intake;
        this.idField = idField;
    }

    void process(Exchange e) throws IOException {
        String name = e.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String text = e.getMessage().getBody(String.class);
        int stored = 0;
        int refused = 0;
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            JsonNode root = JSON.readTree(text);
            int line = 0;
            for (JsonNode n : root.isArray() ? root : JSON.createArrayNode().add(root)) {
                line++;
                Map<String, String> fields = new LinkedHashMap<>();
                n.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
                if (submit(name, line, fields, n.toString())) {
                    stored++;
                } else {
                    refused++;
                }
            }
        } else {
            try (Reader r = new StringReader(text); CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).build().parse(r)) {
                for (CSVRecord rec : csv) {
                    Map<String, String> fields = new LinkedHashMap<>(rec.toMap());
                    if (submit(name, rec.getRecordNumber(), fields, String.join(",", rec.values()))) {
                        stored++;
                    } else {
                        refused++;
                    }
                }
            }
        }
        LOG.info("lead file {}: {} leads taken in, {} kept as dead letters", name, stored, refused);
    }

    private boolean submit(String file, long line, Map<String, String> fields, String raw) {
        String id = fields.get(idField);
        String leadId = id == null || id.isBlank() ? file + ":" + line : id.trim();
        try {
            intake.submit(new IncomingLead("file-drop", leadId, fields, raw, Instant.now()));
            return true;
        } catch (RuntimeException ex) {
            return false; // kept as a dead letter by the intake
        }
    }
}
