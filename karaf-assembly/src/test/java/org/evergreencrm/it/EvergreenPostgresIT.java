package org.evergreencrm.it;

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
public class EvergreenPostgresIT extends BothDatabasesTests {

    @Override
    protected String databaseName() {
        return "PostgreSQL";
    }

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = baseOptions();
        options.addAll(postgresOptions());
        return options.toArray(new Option[0]);
    }
}
