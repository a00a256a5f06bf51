package org.evergreencrm.leads.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.IntakeResult;
import org.evergreencrm.api.lead.LeadIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A file a provider dropped: CSV with a header line, or JSON (an object or an array of objects). The whole file is
 * read first; a file that cannot be read goes to {@code failed/} (header {@value #OUTCOME} = failed) and nothing of it
 * is taken in. Then its leads go through the intake in chunks of {@code batchSize} (each chunk one transaction):
 * every lead is stored or kept as a dead letter. When the database refuses a chunk the exchange fails, the file stays
 * where it is and is read again later — the leads already stored are recognized by (source, id), so nothing is
 * stored twice. Leads are keyed by the id column, else by file name and line.
 */
final class DropFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DropFiles.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Header naming the folder the file goes to when done: {@code done} or {@code failed}. */
    static final String OUTCOME = "EvergreenLeadFileOutcome";
    private final LeadIntake intake;
    private final String source;
    private final String idField;
    private final FieldMap fields;
    private final int batchSize;
    private final LeadImports imports;

    /**
     * @param source the leads' source ({@code file-drop}, or {@code file-drop:NAME} for a provider's own folder)
     * @param fields the provider's column names to ours (applied before the intake's own aliases)
     */
    DropFiles(LeadIntake intake, String source, String idField, FieldMap fields, int batchSize, LeadImports imports) {
        this.intake = intake;
        this.source = source;
        this.idField = idField;
        this.fields = fields;
        this.batchSize = Math.max(1, batchSize);
        this.imports = imports;
    }

    /**
     * The route that watches {@code folder}: a file moves to done/ once every lead in it was stored or kept as a
     * dead letter, to failed/ when it cannot be read; when the database refuses it, it stays and is read again (what
     * was stored is recognized by source and id, so nothing is stored twice) — also after a crash.
     */
    void route(org.apache.camel.builder.RouteBuilder builder, String folder, String routeId) {
        builder.fromF("file:%s?include=.*\\.(csv|json)&readLock=changed&readLockMinAge=1000"
                + "&move=${header.%s}/${file:name}.${date:now:yyyyMMddHHmmssSSS}", folder, OUTCOME)
                .routeId(routeId).convertBodyTo(String.class, "UTF-8").process(this::process);
    }

    void process(Exchange e) {
        String name = e.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        LeadImports.Progress progress = imports.start(name, source);
        List<IncomingLead> leads;
        try {
            leads = read(name, e.getMessage().getBody(String.class));
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("lead file {} cannot be read, moved to failed/: {}", name, unreadable.getMessage());
            progress.end("FAILED", "unreadable: " + unreadable.getMessage());
            e.getMessage().setHeader(OUTCOME, "failed");
            return;
        }
        progress.total(leads.size());
        try {
            for (int from = 0; from < leads.size(); from += batchSize) {
                List<IntakeResult> results = intake.submitAll(leads.subList(from, Math.min(leads.size(), from + batchSize)));
                long stored = results.stream().filter(IntakeResult::stored).count();
                progress.chunk(stored, results.size() - stored);
            }
        } catch (RuntimeException down) {
            progress.end("RETRYING", down.getMessage());
            throw down; // the file stays and is read again; what was stored is recognized then
        }
        org.evergreencrm.api.lead.LeadImport done = progress.view();
        progress.end("DONE", null);
        e.getMessage().setHeader(OUTCOME, "done");
        LOG.info("lead file {}: {} leads taken in, {} kept as dead letters", name, done.stored(), done.deadLetters());
    }

    private List<IncomingLead> read(String name, String text) throws IOException {
        List<IncomingLead> out = new ArrayList<>();
        Instant now = Instant.now();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (JsonProcessingException ex) {
                throw new IOException("not valid JSON: " + ex.getOriginalMessage(), ex);
            }
            int line = 0;
            for (JsonNode n : root.isArray() ? root : JSON.createArrayNode().add(root)) {
                line++;
                if (!n.isObject()) {
                    throw new IOException("item " + line + " is not a JSON object");
                }
                Map<String, String> fields = new LinkedHashMap<>();
                n.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
                out.add(lead(name, line, fields, n.toString(), now));
            }
            return out;
        }
        try (Reader r = new StringReader(text); CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).build().parse(r)) {
            if (csv.getHeaderNames().isEmpty()) {
                throw new IOException("a CSV file needs a header line");
            }
            for (CSVRecord rec : csv) {
                out.add(lead(name, rec.getRecordNumber(), new LinkedHashMap<>(rec.toMap()), String.join(",", rec.values()), now));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException ex) {
            throw new IOException(ex.getMessage(), ex);
        }
        return out;
    }

    private IncomingLead lead(String file, long line, Map<String, String> delivered, String raw, Instant now) {
        String id = delivered.get(idField);
        String leadId = id == null || id.isBlank() ? file + ":" + line : id.trim();
        return new IncomingLead(source, leadId, fields.map(delivered), raw, now);
    }
}
