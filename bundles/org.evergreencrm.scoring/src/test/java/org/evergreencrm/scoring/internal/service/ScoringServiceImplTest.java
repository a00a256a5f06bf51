package org.evergreencrm.scoring.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.LeadScore;
import org.evergreencrm.api.schedule.OneTimeTask;
import org.evergreencrm.api.schedule.ScheduledTaskStatus;
import org.evergreencrm.api.schedule.TaskScheduler;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.api.scoring.TrainingJob;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.scoring.internal.data.SyntheticOutcomes;
import org.evergreencrm.scoring.internal.jobs.TrainingJobs;
import org.evergreencrm.scoring.internal.registry.Registry;
import org.evergreencrm.scoring.internal.registry.RegistryAccess;
import org.evergreencrm.scoring.internal.score.OracleScorer;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scoring service on H2 and PostgreSQL as REST uses it: who may do what, an upload checked before anything is
 * stored (the key at fault named), training run as the scheduler's task with its progress, the registry after it,
 * "try it", a run that cannot train failing with the reason.
 */
class ScoringServiceImplTest {
    private static final Actor ADMIN = new Actor(1L, "ada", Role.ADMIN, null);
    private static final Actor MANAGER = new Actor(2L, "mo", Role.MANAGER, 7L);
    private static final Actor REP = new Actor(3L, "rita", Role.REP, 7L);
    private static final String MAPPING = "{\"outcome\":\"sold\",\"positive\":[\"yes\"],\"date\":\"received_at\",\"features\":{\"source\":\"categorical\","
            + "\"credit_tier\":\"categorical\",\"distance_mi\":\"numeric\",\"prior_contacts\":\"numeric\",\"product\":\"categorical\","
            + "\"state\":\"categorical\"},\"drop\":[\"lead_id\",\"campaign\",\"call_duration\"]}";

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    /** Records what is scheduled; the test runs it as the scheduler would. */
    static final class Scheduled implements TaskScheduler {
        final List<String[]> runs = new ArrayList<>();

        @Override
        public List<ScheduledTaskStatus> tasks() {
            return List.of();
        }

        @Override
        public boolean schedule(String task, String instance, Instant at, String data) {
            runs.add(new String[] {task, instance, data});
            return true;
        }

        @Override
        public String node() {
            return "test";
        }

        @Override
        public boolean cancel(String task, String instance) {
            return false;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void uploadsAreCheckedTrainedOnTheSchedulerAndKeptInTheRegistry(TestDatabases.Db db) throws Exception {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        Registry registry = RegistryAccess.registry(ds);
        Scheduled scheduler = new Scheduled();
        TrainingJobs jobs = new TrainingJobs(ds, registry, scheduler, Clock.systemUTC());
        ScoringServiceImpl service = new ScoringServiceImpl(jobs, registry, new OracleScorer(registry));
        OneTimeTask task = jobs.task();
        byte[] csv = utf8(SyntheticOutcomes.csv(3_000, 5));

        assertThrows(AccessDeniedException.class, () -> service.train(MANAGER, "m", csv, "h.csv", utf8(MAPPING)));
        assertThrows(AccessDeniedException.class, () -> service.models(REP));
        assertThrows(AccessDeniedException.class, () -> service.jobs(REP));
        assertThrows(AccessDeniedException.class, () -> service.score(REP, Map.of()));
        assertTrue(service.models(MANAGER).isEmpty());
        assertTrue(service.scorer().isEmpty(), "nothing scores before a model is trained");
        ValidationException none = assertThrows(ValidationException.class, () -> service.score(MANAGER, Map.of("source", "referral")));
        assertEquals("model", none.errors().get(0).field());

        // refused at once, naming the key, and nothing stored
        assertEquals("features.prior_contacts", field(() -> service.train(ADMIN, "m", csv, "h.csv",
                utf8(MAPPING.replace("\"prior_contacts\":\"numeric\"", "\"prior_contacts\":\"integer\"")))));
        assertEquals("features.call_duration", field(() -> service.train(ADMIN, "m", csv, "h.csv",
                utf8(MAPPING.replace("\"drop\":[\"lead_id\",\"campaign\",\"call_duration\"]", "\"drop\":[\"lead_id\",\"campaign\"]")
                        .replace("\"state\":\"categorical\"}", "\"state\":\"categorical\",\"call_duration\":{\"type\":\"numeric\",\"afterOutcome\":true}}")))));
        assertEquals("outcome", field(() -> service.train(ADMIN, "m", csv, "h.csv", utf8(MAPPING.replace("\"sold\"", "\"closed\"")))));
        assertEquals("mapping", field(() -> service.train(ADMIN, "m", csv, "h.csv", utf8("{not json"))));
        assertEquals("csv", field(() -> service.train(ADMIN, "m", new byte[0], "h.csv", utf8(MAPPING))));
        assertEquals("mapping", field(() -> service.train(ADMIN, "m", csv, "h.csv", null)));
        assertTrue(service.jobs(ADMIN).isEmpty(), "a refused upload stores nothing");
        assertTrue(scheduler.runs.isEmpty());

        TrainingJob queued = service.train(ADMIN, " ", csv, "history 2025.csv", utf8(MAPPING));
        assertEquals("QUEUED", queued.state());
        assertEquals("history 2025.csv", queued.name(), "no name: the file's");
        assertEquals("ada", queued.startedBy());
        assertEquals(1, scheduler.runs.size());
        assertEquals("scoring-train", scheduler.runs.get(0)[0]);
        task.run(scheduler.runs.get(0)[1], scheduler.runs.get(0)[2]);
        TrainingJob done = service.job(MANAGER, queued.id()).orElseThrow();
        assertEquals("DONE", done.state(), done.toString());
        assertEquals(100, done.percent());
        assertNotNull(done.finishedAt());
        assertTrue(done.message().contains("logistic-l2 AUC") && done.message().contains("gradient-boosted-trees AUC")
                && done.message().contains("time-ordered"), done.message());
        ModelVersion first = service.model(MANAGER, done.modelId()).orElseThrow();
        assertEquals("ACTIVE", first.state());
        assertEquals("ada", first.trainedBy());
        assertTrue(first.provenance().startsWith("upload history 2025.csv (3000 rows, sha256 "), first.provenance());
        assertNotNull(first.windowFrom());
        task.run(scheduler.runs.get(0)[1], scheduler.runs.get(0)[2]); // a repeated run of a finished job changes nothing
        assertEquals(1, service.models(ADMIN).size());

        Map<String, Object> good = new HashMap<>(Map.of("source", "referral", "credit_tier", "A", "prior_contacts", 2, "product", "solar"));
        LeadScore s = service.score(MANAGER, good);
        assertTrue(s.probability() > 0 && s.probability() < 1);
        assertEquals("A", s.priority());
        assertEquals("history 2025.csv v" + first.id(), s.model());
        assertEquals("history 2025.csv v" + first.id(), service.scorer().orElseThrow());
        assertEquals("firstName", field(() -> service.score(MANAGER, Map.of("source", "referral", "firstName", "Ana"))));
        assertEquals("source", field(() -> service.score(MANAGER, Map.of("source", Map.of("a", 1)))));
        assertTrue(service.score(MANAGER, Map.of()).probability() > 0, "nothing known: every feature missing, as at intake");

        // a second model is a candidate until promoted; rollback goes back
        TrainingJob second = service.train(ADMIN, "retrained", utf8(SyntheticOutcomes.csv(2_000, 9)), "more.csv", utf8(MAPPING));
        task.run(scheduler.runs.get(1)[1], scheduler.runs.get(1)[2]);
        long secondId = service.job(ADMIN, second.id()).orElseThrow().modelId();
        assertEquals("CANDIDATE", service.model(ADMIN, secondId).orElseThrow().state());
        assertThrows(AccessDeniedException.class, () -> service.promote(MANAGER, secondId));
        assertEquals("ACTIVE", service.promote(ADMIN, secondId).state());
        assertThrows(AccessDeniedException.class, () -> service.rollback(MANAGER));
        assertEquals(first.id(), service.rollback(ADMIN).id());

        // too few outcomes to train, calibrate and measure on: refused at once, saying how many are needed
        String tiny = String.join("\n", SyntheticOutcomes.csv(150, 3).lines().toList());
        ValidationException few = assertThrows(ValidationException.class, () -> service.train(ADMIN, "tiny", utf8(tiny), "tiny.csv", utf8(MAPPING)));
        assertEquals("csv", few.errors().get(0).field());
        assertTrue(few.getMessage().contains("at least 200 rows with at least 50 of each outcome"), few.getMessage());
        assertEquals(2, service.models(ADMIN).size());
        assertEquals(List.of(second.id(), queued.id()), service.jobs(MANAGER).stream().map(TrainingJob::id).toList());
    }

    private static String field(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ValidationException.class, call).errors().get(0).field();
    }
}
