package org.evergreencrm.bench;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Contact REST vs raw JDBC on PostgreSQL. Run with -Pbenchmark -Devergreen.test.pg.url=... (docs/benchmarks.md). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresContactBenchmark extends ContactBenchmarkSupport {
    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = benchmarkOptions();
        options.addAll(postgresOptions());
        return options.toArray(new Option[0]);
    }

    @Test
    public void restVersusJdbc() throws Exception {
        run("PostgreSQL");
    }
}
