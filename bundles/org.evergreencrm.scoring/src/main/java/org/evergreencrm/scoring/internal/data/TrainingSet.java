package org.evergreencrm.scoring.internal.data;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV of historical outcomes read through a {@link Mapping}: comma, semicolon or tab separated (told by the header
 * line), quoted fields, a header row. Each row becomes typed feature values (numbers, categories, booleans, dates;
 * {@code null} for missing) and a label. Nothing is dropped silently: rows without an outcome, columns not mapped
 * and cells that could not be read are counted in the {@link Report}. A feature known only after the outcome is
 * refused ({@link LeakageGuard}).
 */
public record TrainingSet(List<String> features, Map<String, FeatureSpec.Type> types, List<Row> rows, Report report) {

    /** One usable row: the values by feature (Double, String, Boolean or LocalDateTime; null when missing), the label, the date. */
    public record Row(Map<String, Object> values, boolean label, LocalDateTime date) {
    }

    /** What reading did: rows read and used, rows without an outcome, unmapped columns, unreadable cells, warnings. */
    public record Report(long rowsRead, long rowsUsed, long withoutOutcome, char delimiter, List<String> unmapped,
            Map<String, Long> unreadableCells, long positives, List<String> warnings) {
    }

    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("M/d/uuuu"),
        DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("uuuu/M/d")};

    public static TrainingSet read(Reader csv, Mapping mapping) throws IOException {
        java.io.BufferedReader in = new java.io.BufferedReader(csv);
        in.mark(1 << 16);
        String header = in.readLine();
        if (header == null || header.isBlank()) {
            throw new Mapping.MappingException("csv", "the file is empty: a header row is needed");
        }
        in.reset();
        char delimiter = delimiter(header);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).build();
        try (CSVParser parser = format.parse(in)) {
            List<String> columns = parser.getHeaderNames();
            if (!columns.contains(mapping.outcome())) {
                throw new Mapping.MappingException("outcome", "column '" + mapping.outcome() + "' is not in the header " + columns);
            }
            for (String f : mapping.features().keySet()) {
                if (!columns.contains(f)) {
                    throw new Mapping.MappingException("features." + f, "column '" + f + "' is not in the header " + columns);
                }
            }
            LeakageGuard.refuseAfterOutcome(mapping);
            List<String> unmapped = columns.stream().filter(c -> !c.equals(mapping.outcome()) && !mapping.features().containsKey(c)
                    && !mapping.drop().contains(c) && !c.equals(mapping.date())).toList();
            Map<String, FeatureSpec.Type> types = new LinkedHashMap<>();
            mapping.features().forEach((k, v) -> types.put(k, v.type()));
            Map<String, Long> unreadable = new LinkedHashMap<>();
            List<Row> rows = new ArrayList<>();
            long read = 0;
            long noOutcome = 0;
            long positives = 0;
            for (CSVRecord r : parser) {
                read++;
                String y = r.isSet(mapping.outcome()) ? r.get(mapping.outcome()) : null;
                if (mapping.isMissing(y)) {
                    noOutcome++;
                    continue;
                }
                boolean label = mapping.positive().stream().anyMatch(p -> p.equalsIgnoreCase(y.strip()));
                positives += label ? 1 : 0;
                Map<String, Object> values = new LinkedHashMap<>();
                for (FeatureSpec f : mapping.features().values()) {
                    String cell = r.isSet(f.column()) ? r.get(f.column()) : null;
                    Object v = mapping.isMissing(cell) ? null : parse(f.type(), cell.strip());
                    if (v == null && !mapping.isMissing(cell)) {
                        unreadable.merge(f.column(), 1L, Long::sum);
                    }
                    values.put(f.column(), v);
                }
                LocalDateTime date = null;
                if (mapping.date() != null && r.isSet(mapping.date()) && !mapping.isMissing(r.get(mapping.date()))) {
                    date = date(r.get(mapping.date()).strip());
                    if (date == null) {
                        unreadable.merge(mapping.date(), 1L, Long::sum);
                    }
                }
                rows.add(new Row(values, label, date));
            }
            List<String> warnings = new ArrayList<>();
            if (!unmapped.isEmpty()) {
                warnings.add("columns neither mapped nor dropped, not used: " + String.join(", ", unmapped));
            }
            unreadable.forEach((c, n) -> warnings.add(n + " cells of '" + c + "' could not be read and count as missing"));
            if (noOutcome > 0) {
                warnings.add(noOutcome + " rows without an outcome are left out of training");
            }
            TrainingSet set = new TrainingSet(List.copyOf(mapping.features().keySet()), types, rows,
                    new Report(read, rows.size(), noOutcome, delimiter, unmapped, unreadable, positives, warnings));
            warnings.addAll(LeakageGuard.nearPerfect(set));
            if (positives == 0 || positives == rows.size()) {
                throw new Mapping.MappingException("positive", "every usable row has the same outcome (" + positives + " of " + rows.size()
                        + " positive with " + mapping.positive() + "): nothing to learn");
            }
            return set;
        } catch (IllegalArgumentException | IllegalStateException badCsv) {
            if (badCsv instanceof Mapping.MappingException m) {
                throw m;
            }
            throw new Mapping.MappingException("csv", badCsv.getMessage());
        }
    }

    /** The delimiter the header uses most among comma, semicolon and tab (outside quotes). */
    static char delimiter(String header) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        return tab > comma && tab >= semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }

    /** A cell as its type's value ({@code null} when it cannot be read as one). */
    public static Object parse(FeatureSpec.Type type, String cell) {
        return switch (type) {
            case NUMERIC -> number(cell);
            case CATEGORICAL -> cell;
            case BOOLEAN -> switch (cell.toLowerCase(Locale.ROOT)) {
                case "yes", "y", "true", "t", "1" -> Boolean.TRUE;
                case "no", "n", "false", "f", "0" -> Boolean.FALSE;
                default -> null;
            };
            case DATE -> date(cell);
        };
    }

    private static Double number(String cell) {
        String c = cell.replace("$", "").replace("%", "").replace(" ", "");
        if (c.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            c = c.replace(",", ""); // 1,234.5
        } else if (c.matches("-?\\d+,\\d+")) {
            c = c.replace(',', '.'); // 12,5 (a decimal comma)
        }
        try {
            double d = Double.parseDouble(c);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDateTime date(String cell) {
        try {
            return LocalDateTime.parse(cell.length() > 19 ? cell.substring(0, 19) : cell);
        } catch (DateTimeParseException notDateTime) {
            for (DateTimeFormatter f : DATES) {
                try {
                    return LocalDate.parse(cell, f).atStartOfDay();
                } catch (DateTimeParseException next) {
                    // try the next form
                }
            }
            return null;
        }
    }
}
