package org.evergreencrm.it;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The built distribution on its default embedded database (H2). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvergreenDistributionIT extends BothDatabasesTests {

    @Override
    protected String databaseName() {
        return "H2";
    }

    @Configuration
    public Option[] config() {
        return baseOptions().toArray(new Option[0]);
    }

    @Test
    public void camelRoutesContributedAsServicesComeAndGo() throws Exception {
        new IntegrationScenarios(this, context).routesContributedAsServicesComeAndGo();
    }

    @Test
    public void polledProviderApiAndArchetypeGeneratedPluginTakeLeadsIn() throws Exception {
        new ProviderScenarios(this, context).polledProviderAndGeneratedPlugin();
    }

    @Test
    public void sampleLeadSourcePluginInstallsAndUninstallsLive() throws Exception {
        new PluginScenarios(this, context).sampleLeadFeedInstallsAndUninstallsLive();
    }
}
