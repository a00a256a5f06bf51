package org.evergreencrm.it;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The same distribution and the same tests on PostgreSQL, switched by configuration only (no rebuild). Runs when
 * {@code -Devergreen.test.pg.url=jdbc:postgresql://...} is given (the {@code postgres} profile; .ci/run does it).
 * Each run gets a fresh schema in that database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvergreenPostgresIT extends EvergreenTestSupport {

    @Configuration
    public Option[] config() throws Exception {
        String url = System.getProperty("evergreen.test.pg.url");
        if (url == null || url.isBlank() || url.startsWith("${")) {
            throw new IllegalStateException("EvergreenPostgresIT needs -Devergreen.test.pg.url");
        }
        String schema = "it_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        List<Option> options = baseOptions();
        String cfg = "etc/org.ops4j.datasource-evergreen.cfg";
        options.add(editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"));
        options.add(editConfigurationFilePut(cfg, "url", schemaUrl));
        options.add(editConfigurationFilePut(cfg, "user", System.getProperty("evergreen.test.pg.user", "postgres")));
        options.add(editConfigurationFilePut(cfg, "password", System.getProperty("evergreen.test.pg.password", "")));
        System.out.println("[evergreen] EvergreenPostgresIT runs on PostgreSQL, schema " + schema);
        return options.toArray(new Option[0]);
    }

    @Test
    public void shellReportsHealthyOnPostgres() throws Exception {
        new Scenarios(this, context).shellReportsHealthy("PostgreSQL");
    }

    @Test
    public void restRoundTripWithSecurity() throws Exception {
        new Scenarios(this, context).restRoundTripWithSecurity();
    }

    @Test
    public void everyContactChangeIsPublishedOnEventAdmin() throws Exception {
        new Scenarios(this, context).everyContactChangeIsPublishedOnEventAdmin();
    }
}
