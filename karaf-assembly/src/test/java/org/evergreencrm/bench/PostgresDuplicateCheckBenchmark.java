package org.evergreencrm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.DuplicateDetector;
import org.evergreencrm.api.dedup.PersonRecords;
import org.evergreencrm.api.security.Actor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The online duplicate check with many contacts on PostgreSQL: loads N contacts (default 1,000,000) with their match
 * keys by raw JDBC, then times {@code ContactService.duplicatesOf} for probes (half near-copies of stored contacts,
 * half new people) against, as the baseline in the same run, the bare SQL lookup of candidate ids by the same keys.
 * Run with -Pbenchmark -Devergreen.test.pg.url=... (see docs/benchmarks.md).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresDuplicateCheckBenchmark extends ContactBenchmarkSupport {
    static final int CONTACTS = Integer.getInteger("evergreen.bench.contacts", 1_000_000);
    private static final String[] GIVEN = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
        "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles",
        "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley", "Paul",
        "Emily", "Kevin", "Donna", "Brian", "Carol", "George", "Amanda", "Edward", "Melissa", "Ronald", "Deborah"};
    private static final String[] FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
        "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis",
        "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
        "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Patel", "Chen"};

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = benchmarkOptions();
        options.addAll(postgresOptions());
        options.add(org.ops4j.pax.exam.CoreOptions.systemProperty("evergreen.bench.contacts").value(Integer.toString(CONTACTS)));
        return options.toArray(new Option[0]);
    }

    private static ContactDraft person(Random r, int i) {
        String given = GIVEN[r.nextInt(GIVEN.length)];
        String family = FAMILY[r.nextInt(FAMILY.length)];
        String zip = String.format(Locale.ROOT, "%05d", 10_000 + r.nextInt(20_000));
        String phone = String.format(Locale.ROOT, "(%03d) %03d-%04d", 201 + r.nextInt(700), 200 + r.nextInt(700), r.nextInt(10_000));
        return new ContactDraft(ContactKind.PERSON, given, family, null, List.of(new Phone(phone, Phone.PhoneType.MOBILE)),
                List.of(new org.evergreencrm.api.contact.Email(given.toLowerCase(Locale.ROOT) + "." + i + "@example.com", null)),
                new PostalAddress((1 + r.nextInt(9999)) + " Oak St", null, "Springfield", "FL", zip, "US"), "bench", null,
                null, Set.of(), java.util.Map.of());
    }

    @Test
    public void duplicateCheckWithManyContacts() throws Exception {
        awaitAllBundlesActive();
        DataSource ds = service(DataSource.class, "(osgi.jndi.service.name=evergreen)");
        DuplicateDetector detector = service(DuplicateDetector.class, null);
        ContactService contacts = service(ContactService.class, null);
        long loadStart = System.nanoTime();
        load(ds, detector);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Random r = new Random(99);
        int probes = Integer.getInteger("evergreen.bench.probes", 2000);
        List<ContactDraft> stored = new ArrayList<>();
        Random again = new Random(1); // the load's sequence: these are the first stored contacts
        for (int k = 0; k < Math.min(CONTACTS, 20_000); k++) {
            stored.add(person(again, k));
        }
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            if (i % 2 == 0) { // a near copy of a stored contact: the phone written another way
                ContactDraft d = stored.get(r.nextInt(stored.size()));
                drafts.add(new ContactDraft(d.kind(), d.firstName(), d.lastName(), null,
                        List.of(new Phone(d.phones().get(0).number().replaceAll("\\D", ""), null)), d.emails(),
                        d.address(), "probe", null, null, Set.of(), java.util.Map.of()));
            } else {
                drafts.add(person(r, CONTACTS + i));
            }
        }
        // warm-up
        for (int i = 0; i < 200; i++) {
            contacts.duplicatesOf(Actor.system(), drafts.get(i % drafts.size()), null);
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "| round | contacts | load s | probes with a match | check p50 ms | check p99 ms | raw key lookup p50 ms | raw p99 ms | p99 ratio |%n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
        for (int round = 1; round <= 2; round++) {
            long[] check = new long[probes];
            long[] raw = new long[probes];
            int found = 0;
            for (int i = 0; i < probes; i++) {
                long t0 = System.nanoTime();
                found += contacts.duplicatesOf(Actor.system(), drafts.get(i), null).isEmpty() ? 0 : 1;
                check[i] = System.nanoTime() - t0;
                Set<String> keys = detector.matchKeys(PersonRecords.of(null, drafts.get(i)));
                long t1 = System.nanoTime();
                rawLookup(ds, keys);
                raw[i] = System.nanoTime() - t1;
            }
            Arrays.sort(check);
            Arrays.sort(raw);
            report.append(String.format(Locale.ROOT, "| %d | %,d | %.0f | %d / %d | %.2f | %.2f | %.2f | %.2f | %.1f× |%n",
                    round, CONTACTS, loadSeconds, found, probes, ms(check, 0.5), ms(check, 0.99), ms(raw, 0.5), ms(raw, 0.99),
                    ms(check, 0.99) / ms(raw, 0.99)));
        }
        System.out.println("[evergreen] duplicate check on PostgreSQL:\n" + report);
        ContactBenchmarkRun.write("dedup-check-postgresql", report.toString());

        // the batch search over the whole database: read every contact from PostgreSQL, then the engine
        org.evergreencrm.api.dedup.DedupJobs jobs = service(org.evergreencrm.api.dedup.DedupJobs.class, null);
        long batchStart = System.nanoTime();
        org.evergreencrm.api.dedup.DedupJobs.Status status = jobs.start(Actor.system());
        StringBuilder phases = new StringBuilder();
        String phase = null;
        long phaseStart = System.nanoTime();
        while ("RUNNING".equals(status.state())) {
            Thread.sleep(100);
            status = jobs.status();
            if (!java.util.Objects.equals(phase, status.phase())) {
                if (phase != null) {
                    phases.append(String.format(Locale.ROOT, "%s %.1f s, ", phase, (System.nanoTime() - phaseStart) / 1e9));
                }
                phase = status.phase();
                phaseStart = System.nanoTime();
            }
        }
        double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
        String batch = String.format(Locale.ROOT, "| contacts | batch search s (from the database) | phases | result |%n|---:|---:|---|---|%n"
                + "| %,d | %.1f | %s | %s: %s |%n", CONTACTS, batchSeconds, phases, status.state(), status.message());
        System.out.println("[evergreen] batch duplicate search on PostgreSQL:\n" + batch);
        ContactBenchmarkRun.write("dedup-batch-postgresql", batch);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] / 1e6;
    }

    private static void rawLookup(DataSource ds, Set<String> keys) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT contact_id FROM contact_match_key WHERE match_key IN (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql.append(") LIMIT 100").toString())) {
            int p = 1;
            for (String k : keys) {
                s.setString(p++, k);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
        }
    }

    /** Multi-row INSERTs of contacts, phones, emails and match keys with explicit ids above the existing ones. */
    private static void load(DataSource ds, DuplicateDetector detector) throws Exception {
        Random r = new Random(1);
        long base;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM contact")) {
            rs.next();
            base = rs.getLong(1) + 1_000_000;
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        int batch = 500;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (int start = 0; start < CONTACTS; start += batch) {
                int n = Math.min(batch, CONTACTS - start);
                StringBuilder contact = new StringBuilder("INSERT INTO contact (id, kind, first_name, last_name, addr_line1, addr_city, addr_state, addr_postal_code, addr_country, source, status, search_text, created_at, updated_at, version) VALUES ");
                StringBuilder phone = new StringBuilder("INSERT INTO contact_phone (contact_id, pos, phone_number, phone_type) VALUES ");
                StringBuilder email = new StringBuilder("INSERT INTO contact_email (contact_id, pos, address, email_type) VALUES ");
                StringBuilder key = new StringBuilder("INSERT INTO contact_match_key (contact_id, match_key) VALUES ");
                List<Object> cp = new ArrayList<>();
                List<Object> pp = new ArrayList<>();
                List<Object> ep = new ArrayList<>();
                List<Object> kp = new ArrayList<>();
                int keys = 0;
                for (int i = 0; i < n; i++) {
                    long id = base + start + i;
                    ContactDraft d = person(r, start + i);
                    contact.append(i == 0 ? "" : ",").append("(?, 'PERSON', ?, ?, ?, 'Springfield', 'FL', ?, 'US', 'bench', 'NEW', ?, ?, ?, 1)");
                    cp.addAll(List.of(id, d.firstName(), d.lastName(), d.address().line1(), d.address().postalCode(),
                            (d.firstName() + " " + d.lastName()).toLowerCase(Locale.ROOT), now, now));
                    phone.append(i == 0 ? "" : ",").append("(?, 0, ?, 'MOBILE')");
                    pp.addAll(List.of(id, d.phones().get(0).number()));
                    email.append(i == 0 ? "" : ",").append("(?, 0, ?, 'PERSONAL')");
                    ep.addAll(List.of(id, d.emails().get(0).address()));
                    for (String k : detector.matchKeys(PersonRecords.of(null, d))) {
                        key.append(keys++ == 0 ? "" : ",").append("(?, ?)");
                        kp.addAll(List.of(id, k));
                    }
                }
                execute(c, contact, cp);
                execute(c, phone, pp);
                execute(c, email, ep);
                execute(c, key, kp);
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                // every table the check reads: without statistics on the phones and e-mails (autovacuum may not have
                // come yet after a bulk load) PostgreSQL scans them whole for each lookup
                s.execute("ANALYZE contact");
                s.execute("ANALYZE contact_match_key");
                s.execute("ANALYZE contact_phone");
                s.execute("ANALYZE contact_email");
            }
            c.commit();
        }
    }

    private static void execute(Connection c, StringBuilder sql, List<Object> params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            s.executeUpdate();
        }
    }

    private <T> T service(Class<T> type, String filter) throws Exception {
        ServiceTracker<T, T> tracker = filter == null ? new ServiceTracker<>(context, type, null)
                : new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        tracker.open();
        return tracker.waitForService(30_000);
    }
}
