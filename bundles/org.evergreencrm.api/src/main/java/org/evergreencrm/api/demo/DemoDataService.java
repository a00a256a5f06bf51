package org.evergreencrm.api.demo;

import java.util.function.IntConsumer;

/** Creates a demo team (a manager and two reps) and realistic demo contacts owned by them. */
public interface DemoDataService {

    /**
     * Posted after demo data was generated at start-up, so other bundles can add theirs (the call queue puts the
     * demo contacts in a bucket). Carries {@code contacts} (Integer).
     */
    String SEEDED = "org/evergreencrm/demo/SEEDED";

    /** Password of every demo user. */
    String DEMO_PASSWORD = "evergreen";

    /**
     * @param contacts how many contacts to add
     * @param progress told the number of contacts created so far, every few hundred and at the end
     * @return what was created
     */
    Result generate(int contacts, IntConsumer progress);

    record Result(int usersCreated, int contactsCreated) {
    }
}
