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
public class EvergreenDistributionIT extends EvergreenTestSupport {

    @Configuration
    public Option[] config() {
        return baseOptions().toArray(new Option[0]);
    }

    @Test
    public void shellReportsHealthyOnTheEmbeddedDatabase() throws Exception {
        new Scenarios(this, context).shellReportsHealthy("H2");
    }

    @Test
    public void restRoundTripWithSecurity() throws Exception {
        new Scenarios(this, context).restRoundTripWithSecurity();
    }

    @Test
    public void createReportsLikelyDuplicates() throws Exception {
        new Scenarios(this, context).createReportsLikelyDuplicates();
    }

    @Test
    public void batchSearchQueueMergeAndUndo() throws Exception {
        new Scenarios(this, context).batchSearchQueueMergeAndUndo();
    }

    @Test
    public void everyContactChangeIsPublishedOnEventAdmin() throws Exception {
        new Scenarios(this, context).everyContactChangeIsPublishedOnEventAdmin();
    }

    @Test
    public void floridaRuleInTheShippedConfiguration() throws Exception {
        new QueueScenarios(this, context).floridaRuleInTheShippedConfiguration();
    }

    @Test
    public void callQueueBucketsOutcomesComplianceAndConcurrentReps() throws Exception {
        new QueueScenarios(this, context).bucketsOutcomesComplianceAndTwoRepsHammeringNext();
    }

    @Test
    public void dncRegistryImportAndLookup() throws Exception {
        new QueueScenarios(this, context).registryImportAndLookup();
    }

    @Test
    public void interruptedBatchSearchIsResumedAfterARestart() throws Exception {
        new DedupScenarios(this, context).interruptedBatchSearchIsResumedAfterARestart();
    }

    @Test
    public void camelRoutesContributedAsServicesComeAndGo() throws Exception {
        new IntegrationScenarios(this, context).routesContributedAsServicesComeAndGo();
    }

    @Test
    public void webFormLeadsAreTakenInOnceAssignedAndNeverDropped() throws Exception {
        new LeadScenarios(this).webFormsIdempotencyHoneypotErrorsAndDuplicates();
    }

    @Test
    public void polledProviderApiAndArchetypeGeneratedPluginTakeLeadsIn() throws Exception {
        new ProviderScenarios(this, context).polledProviderAndGeneratedPlugin();
    }

    @Test
    public void aDroppedFileIsTakenInInBatchesOncePerPerson() throws Exception {
        new LeadScenarios(this).droppedFileInBatches();
    }

    @Test
    public void sampleLeadSourcePluginInstallsAndUninstallsLive() throws Exception {
        new PluginScenarios(this, context).sampleLeadFeedInstallsAndUninstallsLive();
    }

    @Test
    public void addressesAreVerifiedGeocodedAndStoredBesideContacts() throws Exception {
        new AddressScenarios(this, context).verifyAutocompleteAndContactAddresses();
    }

    @Test
    public void theApiSurvivesTheAddressBundleGoingAway() throws Exception {
        new AddressScenarios(this, context).theApiSurvivesTheAddressBundleGoingAway();
    }

    @Test
    public void smartyStreetsVerifiesCachesAndFallsBackLive() throws Exception {
        new SmartyScenarios(this, context).verifiedCachedAndFallingBack();
    }

    @Test
    public void scoringTrainsFromACsvLive() throws Exception {
        new ScoringScenarios(this, context).trainsFromACsvLive();
    }

    @Test
    public void everyOperationFollowsTheAuthorizationMatrix() throws Exception {
        new SecurityScenarios(this).everyOperationFollowsTheAccessRule();
    }

    @Test
    public void complianceWritesAreScopedToWhatTheCallerMaySee() throws Exception {
        new SecurityScenarios(this).complianceWritesAreScoped();
    }

    @Test
    public void consoleSessionsRefuseMissingCsrfTokensAndEndedSessions() throws Exception {
        new SecurityScenarios(this).consoleSessionsRefuseWhatTheyMust();
    }

    @Test
    public void fuzzedRequestsNeverGetA5xxNorAnHtmlPage() throws Exception {
        new FuzzScenarios(this, context).noRequestGetsA5xxOrAnHtmlPage();
    }

    @Test
    public void healthAndReadinessAnswerWithoutSignIn() throws Exception {
        new OpsScenarios(this).healthAnswersWithoutSignInAndRevealsNothing();
    }

    @Test
    public void prometheusMetricsAreScraped() throws Exception {
        new OpsScenarios(this).metricsAreScrapedInPrometheusFormat();
    }

    @Test
    public void everyCoreBundleOwnsItsSchema() throws Exception {
        new SchemaScenarios(this, context).everyCoreBundleOwnsItsSchema();
    }

    @Test
    public void aBrokenPluginMigrationKeepsOnlyThatPluginDown() throws Exception {
        new SchemaScenarios(this, context).aBrokenPluginMigrationKeepsOnlyThatPluginDown();
    }

    @Test
    public void aLeadsTimelineFromReceiptToMergeAndUndo() throws Exception {
        new TimelineScenarios(this).aLeadsTimelineFromReceiptToMergeAndUndo();
    }
}
