package org.evergreencrm.it;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** In-place upgrade on PostgreSQL: a fresh schema made by the previous release's changelog, then the distribution on it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvergreenUpgradePostgresIT extends EvergreenTestSupport {

    @Configuration
    public Option[] config() throws Exception {
        String url = newPostgresSchema();
        String fingerprint = PreviousReleaseDatabase.postgres(url);
        List<Option> options = baseOptions();
        options.addAll(postgresOptions(url));
        options.add(systemProperty(UpgradeScenarios.FINGERPRINT).value(fingerprint));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aDatabaseMadeByThePreviousReleaseUpgradesInPlace() throws Exception {
        new UpgradeScenarios(this, context).aPreviousReleaseDatabaseUpgradesInPlace();
    }
}
