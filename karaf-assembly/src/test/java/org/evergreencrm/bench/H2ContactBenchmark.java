package org.evergreencrm.bench;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Contact REST vs raw JDBC on the embedded H2 database. Run with -Pbenchmark (see docs/benchmarks.md). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class H2ContactBenchmark extends ContactBenchmarkSupport {
    @Configuration
    public Option[] config() {
        return benchmarkOptions().toArray(new Option[0]);
    }

    @Test
    public void restVersusJdbc() throws Exception {
        run("H2");
    }
}
