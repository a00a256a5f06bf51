package org.evergreencrm.bench;

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
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * Contact create and read through the REST API against raw JDBC doing the same rows on the same database, in the
 * same run: sequential latency (p50/p99) and throughput with concurrent clients. Runs inside the container.
 */
final class ContactBenchmarkRun {
    interface Op {
        void run(int i) throws Exception;
    }

    record Result(String name, int ops, double seconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return ops / seconds;
        }
    }

    private final DataSource dataSource;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String auth;
    private final int n;
    private final int threads;
    private final ConcurrentLinkedQueue<Long> restIds = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> jdbcIds = new ConcurrentLinkedQueue<>();

    ContactBenchmarkRun(DataSource dataSource, int port, String user, String password, int n, int threads) {
        this.dataSource = dataSource;
        this.base = "http://localhost:" + port + "/api/v1/contacts";
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.n = n;
        this.threads = threads;
    }

    static String body(int i) {
        return "{\"firstName\":\"Bench\",\"lastName\":\"Mark" + i + "\",\"phones\":[{\"number\":\"(813) 555-" + String.format(Locale.ROOT, "%04d", i % 10000)
                + "\"}],\"emails\":[{\"address\":\"bench" + i + "@example.com\"}],\"address\":{\"line1\":\"" + i
                + " Oak St\",\"city\":\"Tampa\",\"state\":\"FL\",\"postalCode\":\"33602\",\"country\":\"US\"},"
                + "\"source\":\"benchmark\",\"tags\":[\"solar\"],\"customFields\":{\"roofAgeYears\":12}}";
    }

    void restCreate(int i) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(i))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create failed: " + r.statusCode() + " " + r.body());
        }
        String loc = r.headers().firstValue("Location").orElseThrow();
        restIds.add(Long.parseLong(loc.substring(loc.lastIndexOf('/') + 1)));
    }

    /** The HTTP stack alone: an unauthenticated GET of a cached document, no database. */
    void restBaseline(int i) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base.replace("/contacts", "/openapi.json")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("openapi.json failed: " + r.statusCode());
        }
    }

    void restRead(long id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/" + id)).header("Authorization", auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("read failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** The same rows the REST create writes, in one transaction: contact, phone, email, tag. */
    void jdbcInsert(int i) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id;
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO contact (kind, first_name, last_name, addr_line1, addr_city, "
                    + "addr_state, addr_postal_code, addr_country, source, status, custom_fields, search_text, created_at, updated_at, version) "
                    + "VALUES ('PERSON','Bench',?,?,'Tampa','FL','33602','US','benchmark','NEW','{\"roofAgeYears\":12}',?,?,?,1)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, "Mark" + i);
                s.setString(2, i + " Oak St");
                s.setString(3, "bench mark" + i + " bench" + i + "@example.com 813555" + i + " " + i + " oak st tampa 33602");
                s.setTimestamp(4, now);
                s.setTimestamp(5, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO contact_phone (contact_id, pos, phone_number, phone_type) VALUES (?,0,?,'MOBILE')");
                    PreparedStatement e = c.prepareStatement("INSERT INTO contact_email (contact_id, pos, address, email_type) VALUES (?,0,?,'PERSONAL')");
                    PreparedStatement t = c.prepareStatement("INSERT INTO contact_tag (contact_id, tag) VALUES (?,'solar')")) {
                p.setLong(1, id);
                p.setString(2, "(813) 555-0000");
                p.executeUpdate();
                e.setLong(1, id);
                e.setString(2, "bench" + i + "@example.com");
                e.executeUpdate();
                t.setLong(1, id);
                t.executeUpdate();
            }
            c.commit();
            jdbcIds.add(id);
        }
    }

    /** The same reads the REST read needs: the contact row and its phones, emails and tags. */
    void jdbcSelect(long id) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("SELECT * FROM contact WHERE id = ? AND deleted_at IS NULL",
                    "SELECT * FROM contact_phone WHERE contact_id = ? ORDER BY pos",
                    "SELECT * FROM contact_email WHERE contact_id = ? ORDER BY pos",
                    "SELECT tag FROM contact_tag WHERE contact_id = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                }
            }
        }
    }

    List<Result> runAll() throws Exception {
        // warm-up both paths (JIT, pools, auth cache)
        measure("warm-up", 300, 1, this::restCreate);
        measure("warm-up", 300, 1, this::jdbcInsert);
        List<Result> results = new ArrayList<>();
        results.add(measure("JDBC insert (1 thread)", n, 1, this::jdbcInsert));
        results.add(measure("REST create (1 thread)", n, 1, this::restCreate));
        results.add(measure("JDBC insert (" + threads + " threads)", n, threads, this::jdbcInsert));
        results.add(measure("REST create (" + threads + " threads)", n, threads, this::restCreate));
        Long[] rest = restIds.toArray(new Long[0]);
        Long[] jdbc = jdbcIds.toArray(new Long[0]);
        results.add(measure("JDBC select by id (1 thread)", n, 1, i -> jdbcSelect(jdbc[i % jdbc.length])));
        results.add(measure("REST read by id (1 thread)", n, 1, i -> restRead(rest[i % rest.length])));
        results.add(measure("JDBC select by id (" + threads + " threads)", n, threads, i -> jdbcSelect(jdbc[i % jdbc.length])));
        results.add(measure("REST read by id (" + threads + " threads)", n, threads, i -> restRead(rest[i % rest.length])));
        results.add(measure("HTTP only: GET openapi.json (1 thread)", n, 1, this::restBaseline));
        return results;
    }

    Result measure(String name, int ops, int concurrency, Op op) throws Exception {
        long[] latencies = new long[ops];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < ops) {
                    long t0 = System.nanoTime();
                    op.run(i);
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(name, ops, seconds, latencies[ops / 2] / 1e6, latencies[(int) Math.min(ops - 1, Math.ceil(ops * 0.99) - 1)] / 1e6);
    }

    static String report(String database, List<Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("| ").append(database).append(" | ops | ops/s | p50 ms | p99 ms | REST / JDBC |\n|---|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            String ratio = "";
            if (r.name().startsWith("REST") && results.get(i - 1).name().startsWith("JDBC")) {
                Result baseline = results.get(i - 1);
                ratio = String.format(Locale.ROOT, "%.2f", r.perSecond() / baseline.perSecond());
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %s |%n", r.name(), r.ops(), r.perSecond(),
                    r.p50Ms(), r.p99Ms(), ratio));
        }
        return md.toString();
    }

    static void write(String database, String report) throws Exception {
        Path dir = Path.of(System.getProperty("evergreen.bench.out", "target/benchmarks"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("contacts-" + database.toLowerCase(Locale.ROOT) + ".md"), report);
    }
}
