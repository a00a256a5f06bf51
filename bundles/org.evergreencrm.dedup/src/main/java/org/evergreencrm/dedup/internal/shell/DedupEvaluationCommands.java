package org.evergreencrm.dedup.internal.shell;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.dedup.internal.EvaluationTool;

/** Import people from CSV, export predicted pairs, measure precision/recall/F1 against true pairs. */
public final class DedupEvaluationCommands {
    private DedupEvaluationCommands() {
    }

    @Command(scope = "crm", name = "dedup-import", description = "Import people from a CSV as contacts, with a column mapping")
    @Service
    public static class Import implements Action {
        @Reference
        EvaluationTool tool;

        @Argument(index = 0, name = "file", required = true)
        String file;
        @Option(name = "--map", multiValued = true, required = true,
                description = "field=column, fields: externalId givenName surname streetNumber address1 address2 city postcode state country dateOfBirth phone email")
        List<String> map;
        @Option(name = "--source", description = "lead source recorded on the contacts")
        String source = "csv-import";

        @Override
        public Object execute() throws Exception {
            Map<String, String> mapping = org.evergreencrm.api.dedup.DedupEvaluation.parseMapping(map);
            try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                org.evergreencrm.api.dedup.DedupEvaluation.ImportResult r = tool.importCsv(Actor.system(), in, mapping, source);
                System.out.println(r.rows() + " rows, " + r.created() + " contacts created, " + r.errors().size() + " refused");
                r.errors().stream().limit(20).forEach(e -> System.out.println("  " + e));
            }
            return null;
        }
    }

    @Command(scope = "crm", name = "dedup-export", description = "Write the last search's pairs as CSV id_a,id_b,score (external ids)")
    @Service
    public static class Export implements Action {
        @Reference
        EvaluationTool tool;

        @Argument(index = 0, name = "file", required = true)
        String file;
        @Option(name = "--threshold", description = "lowest probability written, from 0.05 (every pair kept); default: the review threshold")
        Double threshold;

        @Override
        public Object execute() throws Exception {
            double t = threshold == null ? tool.reviewThreshold() : threshold;
            try (Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
                System.out.println(tool.exportPairs(out, t) + " pairs written to " + file + " (threshold " + t + ")");
            }
            return null;
        }
    }

    @Command(scope = "crm", name = "dedup-evaluate", description = "Precision, recall, F1 of the last search against a CSV of true pairs")
    @Service
    public static class Evaluate implements Action {
        @Reference
        EvaluationTool tool;

        @Argument(index = 0, name = "truePairs", required = true)
        String file;

        @Override
        public Object execute() throws Exception {
            try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                List<org.evergreencrm.api.dedup.DedupEvaluation.Scores> s = tool.evaluate(in);
                print("at the review threshold", s.get(0));
                print("best threshold", s.get(1));
            }
            return null;
        }

        private static void print(String label, org.evergreencrm.api.dedup.DedupEvaluation.Scores s) {
            System.out.printf("%-24s %.3f  precision %.4f  recall %.4f  F1 %.4f  (TP %d, FP %d, FN %d)%n", label,
                    s.threshold(), s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives());
        }
    }

    @Command(scope = "crm", name = "dedup-synthetic", description = "Write labelled synthetic people (CSV) and their true duplicate pairs")
    @Service
    public static class Synthetic implements Action {
        @Argument(index = 0, name = "people", required = true, description = "CSV file to write the people to")
        String people;
        @Argument(index = 1, name = "truth", required = true, description = "CSV file to write the true pairs to")
        String truth;
        @Option(name = "-n", description = "how many original people")
        int count = 1000;
        @Option(name = "--seed")
        long seed = 7;
        @Option(name = "--linkage", description = "people without phones or e-mails, up to five duplicates each, in the style"
                + " of the classic record-linkage generators (default: people with phones and e-mails)")
        boolean linkage;

        @Override
        public Object execute() throws Exception {
            org.evergreencrm.dedup.internal.SyntheticPeople.Dataset data = linkage
                    ? new org.evergreencrm.dedup.internal.LinkagePeople(seed).generate(count, 0.4)
                    : new org.evergreencrm.dedup.internal.SyntheticPeople(seed).generate(count, 0.3);
            try (Writer p = Files.newBufferedWriter(Path.of(people), StandardCharsets.UTF_8);
                    Writer t = Files.newBufferedWriter(Path.of(truth), StandardCharsets.UTF_8)) {
                org.evergreencrm.dedup.internal.SyntheticCsv.write(data, p, t);
            }
            System.out.println(data.records().size() + " people to " + people + ", " + data.truePairs().size()
                    + " true pairs to " + truth);
            System.out.println("import: crm:dedup-import --map externalId=rec_id --map givenName=given_name"
                    + " --map surname=surname --map streetNumber=street_number --map address1=address_1 --map address2=address_2 --map city=suburb"
                    + " --map postcode=postcode --map state=state --map dateOfBirth=date_of_birth --map phone=phone"
                    + " --map email=email " + people);
            return null;
        }
    }
}
