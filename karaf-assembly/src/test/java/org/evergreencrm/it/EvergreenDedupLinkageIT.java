package org.evergreencrm.it;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue #13's "done when", in a container of its own (a few thousand imported people would change what the other
 * distribution tests see): person records without phones or e-mails, imported through REST and searched at default
 * settings, reach F1 >= 0.99, and give the same answers after a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvergreenDedupLinkageIT extends EvergreenTestSupport {

    @Configuration
    public Option[] config() {
        return baseOptions().toArray(new Option[0]);
    }

    @Test
    public void peopleWithoutPhonesOrEmailsImportedThroughRestAreFoundAtDefaultSettings() throws Exception {
        new DedupScenarios(this, context).linkageCsvImportedSearchedAndEvaluated();
    }
}
