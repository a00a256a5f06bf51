package org.evergreencrm.store.internal;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints which databases the persistence tests ran on, once all tests of this module are done (.ci/run checks it). */
public class DatabaseSummaryListener implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!TestDatabases.RAN.isEmpty()) {
            System.out.println("[evergreen] persistence tests ran on: " + String.join(", ", TestDatabases.RAN));
        }
    }
}
