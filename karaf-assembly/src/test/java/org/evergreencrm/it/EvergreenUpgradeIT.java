package org.evergreencrm.it;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * In-place upgrade on H2: before Karaf starts, this JVM makes an H2 file database with the previous release's
 * changelog and a few rows ({@code PreviousRelease}); the distribution is then pointed at it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvergreenUpgradeIT extends EvergreenTestSupport {

    @Configuration
    public Option[] config() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "upgrade-h2-" + Long.toHexString(System.nanoTime())).toAbsolutePath());
        String url = "jdbc:h2:file:" + dir.resolve("evergreen");
        String fingerprint = PreviousReleaseDatabase.h2(url);
        System.out.println("[evergreen] previous release's H2 database at " + url);
        List<Option> options = baseOptions();
        options.add(editConfigurationFilePut("etc/org.ops4j.datasource-evergreen.cfg", "url", url));
        options.add(systemProperty(UpgradeScenarios.FINGERPRINT).value(fingerprint));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aDatabaseMadeByThePreviousReleaseUpgradesInPlace() throws Exception {
        new UpgradeScenarios(this, context).aPreviousReleaseDatabaseUpgradesInPlace();
    }
}
