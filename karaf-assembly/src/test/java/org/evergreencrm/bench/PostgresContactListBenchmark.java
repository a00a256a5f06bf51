package org.evergreencrm.bench;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.it.EvergreenTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console's list and read paths with 100k contacts on PostgreSQL (issue #12, item 7): a rep's
 * {@code GET /api/v1/contacts?limit=50} (first and following keyset pages) with 4 clients and a read by id, against
 * the same SQL run raw over JDBC and against a bare HTTP answer ({@code GET /health}: a servlet writing 15 bytes, no
 * database, no CXF) from the same server, in the same run. Run with -Pbenchmark -Devergreen.test.pg.url=...
 * (docs/benchmarks.md). {@code -Devergreen.bench.contacts=N} changes the size.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresContactListBenchmark extends EvergreenTestSupport {
    static final int CONTACTS = Integer.getInteger("evergreen.bench.contacts", 100_000);
    static final int OPS = Integer.getInteger("evergreen.bench.ops", 2000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TAGS = {"solar", "roofing", "windows", "hvac"};
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = baseOptions();
        options.addAll(postgresOptions());
        options.add(systemProperty("evergreen.bench.out").value(new File("target/benchmarks").getAbsolutePath()));
        options.add(systemProperty("evergreen.bench.contacts").value(Integer.toString(CONTACTS)));
        options.add(systemProperty("evergreen.bench.ops").value(Integer.toString(OPS)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void listsAndReadsAgainstRawSqlAndBareHttp() throws Exception {
        awaitAllBundlesActive();
        DataSource ds = service(DataSource.class, "(osgi.jndi.service.name=evergreen)");
        UserService users = service(UserService.class, null);
        List<Long> reps = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            User u = users.createUser(Actor.system(), new UserDraft("benchrep" + r, "Bench Rep " + r, null, Role.REP, null, true, "bench-password-" + r));
            reps.add(u.id());
        }
        long t0 = System.nanoTime();
        seed(ds, reps);
        System.out.printf(Locale.ROOT, "[evergreen] %d contacts written in %.1f s%n", CONTACTS, (System.nanoTime() - t0) / 1e9);

        int port = Integer.getInteger("evergreen.test.http.port");
        String base = "http://localhost:" + port;
        String rep = "Basic " + Base64.getEncoder().encodeToString("benchrep0:bench-password-0".getBytes(StandardCharsets.UTF_8));
        long repId = reps.get(0);
        // keyset cursors of the rep's first 40 pages, as the console gets them by paging
        List<String> cursors = new ArrayList<>();
        cursors.add(null);
        String cursor = null;
        for (int p = 0; p < 40; p++) {
            JsonNode page = JSON.readTree(get(base + "/api/v1/contacts?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), rep));
            cursor = page.path("nextCursor").asText(null);
            if (cursor == null) {
                break;
            }
            cursors.add(cursor);
        }
        List<Long> ids = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM contact WHERE owner_id = ? ORDER BY id DESC FETCH FIRST 2000 ROWS ONLY")) {
            ps.setLong(1, repId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        long[] lastIdOfPage = new long[cursors.size()];
        for (int p = 1; p < cursors.size(); p++) {
            lastIdOfPage[p] = ids.get(p * 50 - 1);
        }

        ContactBenchmarkRun timer = new ContactBenchmarkRun(ds, port, "admin", ADMIN_PASSWORD, OPS, 4);
        ContactBenchmarkRun.Op bare = i -> get(base + "/health", null);
        ContactBenchmarkRun.Op restPage = i -> {
            String c = cursors.get(i % cursors.size());
            get(base + "/api/v1/contacts?limit=50" + (c == null ? "" : "&cursor=" + c), rep);
        };
        ContactBenchmarkRun.Op sqlPage = i -> rawPage(ds, repId, lastIdOfPage[i % lastIdOfPage.length]);
        ContactBenchmarkRun.Op restRead = i -> get(base + "/api/v1/contacts/" + ids.get(i % ids.size()), rep);
        ContactBenchmarkRun.Op sqlRead = i -> rawRead(ds, ids.get(i % ids.size()));
        for (ContactBenchmarkRun.Op warm : List.of(bare, restPage, sqlPage, restRead, sqlRead)) {
            timer.measure("warm-up", 500, 4, warm);
        }
        List<ContactBenchmarkRun.Result> rows = new ArrayList<>();
        rows.add(timer.measure("bare HTTP: GET /health (4 clients)", OPS, 4, bare));
        rows.add(timer.measure("raw SQL: a page of 50 (4 clients)", OPS, 4, sqlPage));
        rows.add(timer.measure("REST: rep's GET /contacts?limit=50 (4 clients)", OPS, 4, restPage));
        rows.add(timer.measure("bare HTTP: GET /health (1 client)", OPS, 1, bare));
        rows.add(timer.measure("raw SQL: contact by id (1 client)", OPS, 1, sqlRead));
        rows.add(timer.measure("REST: rep's GET /contacts/{id} (1 client)", OPS, 1, restRead));
        rows.add(timer.measure("REST: rep's GET /contacts/{id} (4 clients)", OPS, 4, restRead));
        String report = report(rows);
        System.out.println("[evergreen] contact list benchmark on PostgreSQL, " + CONTACTS + " contacts, "
                + Runtime.getRuntime().availableProcessors() + " cores:\n" + report);
        Path dir = Path.of(System.getProperty("evergreen.bench.out", "target/benchmarks"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("contact-lists-postgresql.md"), report);
    }

    private static String report(List<ContactBenchmarkRun.Result> rows) {
        StringBuilder md = new StringBuilder("| PostgreSQL | ops | ops/s | p50 ms | p99 ms | ratio |\n|---|---:|---:|---:|---:|---|\n");
        ContactBenchmarkRun.Result bare4 = rows.get(0);
        ContactBenchmarkRun.Result sql4 = rows.get(1);
        ContactBenchmarkRun.Result bare1 = rows.get(3);
        ContactBenchmarkRun.Result sql1 = rows.get(4);
        for (ContactBenchmarkRun.Result r : rows) {
            String ratio = "";
            if (r.name().startsWith("REST") && r.name().contains("limit=50")) {
                ratio = String.format(Locale.ROOT, "%.2f of raw SQL, %.2f of bare HTTP", r.perSecond() / sql4.perSecond(), r.perSecond() / bare4.perSecond());
            } else if (r.name().startsWith("REST") && r.name().contains("1 client")) {
                ratio = String.format(Locale.ROOT, "%.2f of raw SQL, %.2f of bare HTTP", r.perSecond() / sql1.perSecond(), r.perSecond() / bare1.perSecond());
            } else if (r.name().startsWith("REST")) {
                ratio = String.format(Locale.ROOT, "%.2f of bare HTTP (4 clients)", r.perSecond() / bare4.perSecond());
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %s |%n", r.name(), r.ops(), r.perSecond(), r.p50Ms(), r.p99Ms(), ratio));
        }
        return md.toString();
    }

    private String get(String url, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** What the list path reads for a page of 50, as raw SQL: the contacts, then their phones, e-mails and tags. */
    private static void rawPage(DataSource ds, long owner, long below) throws Exception {
        try (Connection c = ds.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM contact WHERE deleted_at IS NULL AND owner_id = ?"
                    + (below > 0 ? " AND id < ?" : "") + " ORDER BY id DESC FETCH FIRST 51 ROWS ONLY")) {
                ps.setLong(1, owner);
                if (below > 0) {
                    ps.setLong(2, below);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong("id"));
                    }
                }
            }
            children(c, ids);
        }
    }

    private static void rawRead(DataSource ds, long id) throws Exception {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM contact WHERE id = ? AND deleted_at IS NULL")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            children(c, List.of(id));
        }
    }

    private static void children(Connection c, List<Long> ids) throws Exception {
        StringBuilder in = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        in.append(')');
        for (String table : List.of("contact_phone", "contact_email", "contact_tag")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE contact_id IN " + in)) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
        }
    }

    /** 100k varied contacts in four reps' books (a quarter each), written server-side in a few statements. */
    private static void seed(DataSource ds, List<Long> reps) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO contact (kind, first_name, last_name, addr_line1, addr_city, addr_state, addr_postal_code, "
                    + "addr_country, source, owner_id, status, search_text, created_at, updated_at, version, "
                    + "norm_postcode) SELECT 'PERSON', (ARRAY['Ann','Bob','Cara','Dev','Eli','Fay','Gus','Hana'])[1 + g % 8], "
                    + "'Person' || g, g || ' Oak St', 'Tampa', 'FL', lpad((33600 + g % 90)::text, 5, '0'), 'US', "
                    + "(ARRAY['web-form','referral','partner','inbound-call'])[1 + g % 4], "
                    + "(ARRAY[" + reps.get(0) + "," + reps.get(1) + "," + reps.get(2) + "," + reps.get(3) + "])[1 + g % 4], 'NEW', "
                    + "'person' || g || ' ' || g || ' oak st tampa', now() - (g || ' seconds')::interval, now(), 1, lpad((33600 + g % 90)::text, 5, '0') "
                    + "FROM generate_series(1, " + CONTACTS + ") g");
            s.execute("INSERT INTO contact_phone (contact_id, pos, phone_number, phone_type, e164) SELECT id, 0, "
                    + "'(813) 555-' || lpad((id % 10000)::text, 4, '0'), 'MOBILE', '+1813555' || lpad((id % 10000)::text, 4, '0') FROM contact");
            s.execute("INSERT INTO contact_phone (contact_id, pos, phone_number, phone_type) SELECT id, 1, '(727) 555-0100', 'HOME' "
                    + "FROM contact WHERE id % 3 = 0");
            s.execute("INSERT INTO contact_email (contact_id, pos, address, email_type, canonical) SELECT id, 0, "
                    + "'p' || id || '@example.com', 'PERSONAL', 'p' || id || '@example.com' FROM contact WHERE id % 5 <> 0");
            s.execute("INSERT INTO contact_tag (contact_id, tag) SELECT id, (ARRAY['" + String.join("','", TAGS) + "'])[1 + id % 4] FROM contact");
            c.commit();
            c.setAutoCommit(true); // ANALYZE must be committed, or the planner has no statistics (as before autovacuum ran)
            s.execute("ANALYZE contact");
            s.execute("ANALYZE contact_phone");
            s.execute("ANALYZE contact_email");
            s.execute("ANALYZE contact_tag");
        }
    }

    private <T> T service(Class<T> type, String filter) throws Exception {
        String f = "(objectClass=" + type.getName() + ")";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, context.createFilter(filter == null ? f : "(&" + f + filter + ")"), null);
        tracker.open();
        T s = tracker.waitForService(60_000);
        if (s == null) {
            throw new IllegalStateException("no " + type.getName());
        }
        return s;
    }
}
