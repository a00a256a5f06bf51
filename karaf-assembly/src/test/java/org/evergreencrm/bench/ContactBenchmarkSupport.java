package org.evergreencrm.bench;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.List;

import javax.sql.DataSource;

import org.evergreencrm.it.EvergreenTestSupport;
import org.ops4j.pax.exam.Option;
import org.osgi.util.tracker.ServiceTracker;

/** Shared by the per-database benchmark classes: options, the run, the report. */
abstract class ContactBenchmarkSupport extends EvergreenTestSupport {
    static final int OPS = Integer.getInteger("evergreen.bench.ops", 2000);
    static final int THREADS = Integer.getInteger("evergreen.bench.threads", 8);

    protected List<Option> benchmarkOptions() {
        List<Option> options = baseOptions();
        options.add(systemProperty("evergreen.bench.out").value(new File("target/benchmarks").getAbsolutePath()));
        options.add(systemProperty("evergreen.bench.ops").value(Integer.toString(OPS)));
        options.add(systemProperty("evergreen.bench.threads").value(Integer.toString(THREADS)));
        return options;
    }

    protected void run(String database) throws Exception {
        awaitAllBundlesActive();
        ServiceTracker<DataSource, DataSource> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=evergreen))"), null);
        tracker.open();
        DataSource ds = tracker.waitForService(30_000);
        ContactBenchmarkRun run = new ContactBenchmarkRun(ds, Integer.getInteger("evergreen.test.http.port"), "admin",
                ADMIN_PASSWORD, OPS, THREADS);
        String report = ContactBenchmarkRun.report(database, run.runAll());
        System.out.println("[evergreen] contact benchmark on " + database + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + OPS + " ops per row:\n" + report);
        ContactBenchmarkRun.write(database, report);
        tracker.close();
    }
}
