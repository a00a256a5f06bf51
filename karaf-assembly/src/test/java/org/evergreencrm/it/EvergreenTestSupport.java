package org.evergreencrm.it;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Boots the built distribution (target/*.tar.gz) once per test class, on free ports, reading bundles only
 * from its system/ folder and the local Maven repository (for Pax Exam's own bundles).
 */
public abstract class EvergreenTestSupport {
    protected static final String ADMIN_PASSWORD = "evergreen";

    @Inject
    protected BundleContext context;
    @Inject
    protected SessionFactory sessions;

    /** Set -Devergreen.it.keep=true to keep target/exam/* (logs, data) after the run. */
    static final boolean KEEP = Boolean.getBoolean("evergreen.it.keep");

    protected List<Option> baseOptions() {
        String distribution = System.getProperty("evergreen.distribution", "target/karaf-assembly.tar.gz");
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(new File(distribution).toURI().toString())
                        .karafVersion("4.4.10").name("Evergreen").unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                // the domain gauges are read at every scrape in the tests (10 s cache when shipped)
                editConfigurationFilePut("etc/org.evergreencrm.ops.cfg", "gaugeCacheSeconds", "0"),
                // a fast KDF keeps the tests quick; the default (600000) is exercised by the unit tests
                editConfigurationFilePut("etc/org.evergreencrm.security.cfg", "pbkdf2Iterations", "20000"),
                // the call-queue tests must not depend on the hour they run at: the federal window spans the day;
                // the Florida rule (08:00-20:00) stays as shipped and is checked at fixed times
                editConfigurationFilePut("etc/org.evergreencrm.compliance.cfg", "federal.window", "00:00-23:59:59"),
                // an interrupted batch duplicate search is resumed once its heartbeat is this stale (default 30 s)
                editConfigurationFilePut("etc/org.evergreencrm.dedup.cfg", "resumeAfterSeconds", "2"),
                // a lead provider webhook (a factory configuration, as an admin would drop it in etc/)
                editConfigurationFilePut("etc/org.evergreencrm.leads.cfg", "twilioAuthToken", "it-twilio-token"),
                editConfigurationFilePut("etc/org.evergreencrm.leads.cfg", "publicBaseUrl", "http://localhost:" + HTTP_PORT),
                editConfigurationFilePut("etc/org.evergreencrm.leads.provider-acme.cfg", "name", "acme"),
                editConfigurationFilePut("etc/org.evergreencrm.leads.provider-acme.cfg", "secret", "it-secret-0123456789"),
                editConfigurationFilePut("etc/org.evergreencrm.leads.provider-acme.cfg", "idField", "lead_id"),
                editConfigurationFilePut("etc/org.evergreencrm.leads.provider-acme.cfg", "fieldMap", "firstName=fname,lastName=lname,phone=tel"),
                // the stub provider APIs of the tests answer on plain http (a real one would be https)
                editConfigurationFilePut("etc/org.evergreencrm.integration.cfg", "allowedSchemes", "direct,seda,log,timer,file,https,http"),
                // the lead-source plugin the archetype generated in this build (ProviderScenarios installs it live)
                systemProperty("evergreen.it.generatedPlugin").value(new File("../bundles/org.evergreencrm.archetype.leadfeed/target/"
                        + "test-classes/projects/basic/project/com.example.leads.sunfeed/target/com.example.leads.sunfeed-1.0.0-SNAPSHOT.jar")
                        .getAbsolutePath()),
                systemProperty("evergreen.test.http.port").value(Integer.toString(HTTP_PORT))));
        if (KEEP) {
            options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder());
        }
        return options;
    }

    /**
     * Points the distribution's DataSource at PostgreSQL ({@code -Devergreen.test.pg.url}), in a fresh schema:
     * configuration only, the same build.
     */
    protected static List<Option> postgresOptions() throws Exception {
        return postgresOptions(newPostgresSchema());
    }

    /** A fresh schema in the PostgreSQL test database; its JDBC URL (with {@code currentSchema}). */
    protected static String newPostgresSchema() throws Exception {
        String url = System.getProperty("evergreen.test.pg.url");
        if (url == null || url.isBlank() || url.startsWith("${")) {
            throw new IllegalStateException("PostgreSQL tests need -Devergreen.test.pg.url=jdbc:postgresql://...");
        }
        String schema = "it_" + Long.toHexString(System.nanoTime());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        System.out.println("[evergreen] Karaf runs on PostgreSQL, schema " + schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    protected static List<Option> postgresOptions(String schemaUrl) {
        String cfg = "etc/org.ops4j.datasource-evergreen.cfg";
        return List.of(editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(cfg, "url", schemaUrl),
                editConfigurationFilePut(cfg, "user", System.getProperty("evergreen.test.pg.user", "postgres")),
                editConfigurationFilePut(cfg, "password", System.getProperty("evergreen.test.pg.password", "")));
    }

    /** Chosen once in the test JVM; the container reads it back from the system property. */
    static final int HTTP_PORT = freePort();

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected Http http() {
        return new Http(Integer.getInteger("evergreen.test.http.port"));
    }

    /** Boot features may still be starting when the first service is injected: wait for every bundle. */
    protected void awaitAllBundlesActive() throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        List<String> waiting = List.of();
        while (System.currentTimeMillis() < deadline) {
            waiting = new ArrayList<>();
            for (Bundle b : context.getBundles()) {
                boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
                if (b.getState() != Bundle.ACTIVE && !(fragment && b.getState() == Bundle.RESOLVED)) {
                    waiting.add(b.getSymbolicName() + " (" + b.getState() + ")");
                }
            }
            if (waiting.isEmpty() && apiAnswers()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not all bundles became Active, or the API never answered: " + waiting);
    }

    private boolean apiAnswers() {
        try {
            return http().send("GET", "/api/v1/openapi.json", null, null, null).status() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs a Karaf shell command as the container would, returning what it printed. */
    protected String shell(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessions.create(System.in, print, print);
        Object result = session.execute(command);
        if (result != null) {
            print.println(result);
        }
        print.flush();
        session.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Installs the scoring plugin (not a boot feature) and waits for its endpoints: the matrix and the fuzzing cover
     * them with the plugin running (without it they answer 503 to everyone).
     */
    void installScoring() throws Exception {
        org.osgi.util.tracker.ServiceTracker<org.apache.karaf.features.FeaturesService, org.apache.karaf.features.FeaturesService> fs =
                new org.osgi.util.tracker.ServiceTracker<>(context, org.apache.karaf.features.FeaturesService.class, null);
        fs.open();
        try {
            fs.waitForService(10_000).installFeature("evergreen-scoring");
        } finally {
            fs.close();
        }
        for (int i = 0; i < 120; i++) {
            if (http().send("GET", "/api/v1/scoring/scorer", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the scoring endpoints did not come up after installing evergreen-scoring");
    }
}
