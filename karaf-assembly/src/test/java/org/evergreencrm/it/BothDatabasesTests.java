package org.evergreencrm.it;

import org.junit.Test;

/**
 * The scenarios that run on both databases: {@link EvergreenDistributionIT} (embedded H2) and
 * {@link EvergreenPostgresIT} (PostgreSQL, switched by configuration only) inherit them, each in its own container.
 */
public abstract class BothDatabasesTests extends EvergreenTestSupport {

    /** "H2" or "PostgreSQL", as {@code crm:status} names it. */
    protected abstract String databaseName();

    @Test
    public void shellReportsHealthy() throws Exception {
        new Scenarios(this, context).shellReportsHealthy(databaseName());
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
}
