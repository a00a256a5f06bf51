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
public class EvergreenPostgresIT extends EvergreenTestSupport {

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = baseOptions();
        options.addAll(postgresOptions());
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
    public void aDroppedFileIsTakenInInBatchesOncePerPerson() throws Exception {
        new LeadScenarios(this).droppedFileInBatches();
    }

    @Test
    public void webFormLeadsAreTakenInOnceAssignedAndNeverDropped() throws Exception {
        new LeadScenarios(this).webFormsIdempotencyHoneypotErrorsAndDuplicates();
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
    public void sampleLeadSourcePluginInstallsAndUninstallsLive() throws Exception {
        new PluginScenarios(this, context).sampleLeadFeedInstallsAndUninstallsLive();
    }

    @Test
    public void aLeadsTimelineFromReceiptToMergeAndUndo() throws Exception {
        new TimelineScenarios(this).aLeadsTimelineFromReceiptToMergeAndUndo();
    }
}
