package dev.smokegate.smoke.engine;

import static dev.smokegate.smoke.engine.NeedsGraphTest.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScenarioPool} under {@code needs}: a scenario starts only after what it needs, is skipped
 * when a need did not pass, and results are reported in manifest order. The scenarios here are not
 * run: each attempt is scripted, so the order is what is asserted.
 */
@Timeout(60)
class ScenarioPoolNeedsTest {
    @TempDir
    Path work;

    /** What happened, in order: {@code start x}, {@code end x}. */
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    /** Outcome of each scripted attempt by scenario name; a scenario not here passes. */
    private final Map<String, List<Status>> script = new HashMap<>();

    private final Map<String, AtomicInteger> attemptCount = new HashMap<>();

    private ScenarioResult attempt(Scenario scenario) {
        events.add("start " + scenario.name());
        int n;
        synchronized (attemptCount) {
            n = attemptCount
                    .computeIfAbsent(scenario.name(), name -> new AtomicInteger())
                    .getAndIncrement();
        }
        List<Status> outcomes = script.getOrDefault(scenario.name(), List.of(Status.PASS));
        Status status = outcomes.get(Math.min(n, outcomes.size() - 1));
        events.add("end " + scenario.name());
        return status == Status.PASS
                ? new ScenarioResult(scenario.name(), Status.PASS, Duration.ofMillis(5), List.of(), null, null)
                : new ScenarioResult(
                        scenario.name(),
                        Status.FAIL,
                        Duration.ofMillis(5),
                        List.of(),
                        failure(outcomes.size() > 1 ? FailureCategory.HOST : FailureCategory.RUNTIME),
                        null);
    }

    private static StepFailure failure(FailureCategory category) {
        String rule = category == FailureCategory.HOST ? "host.network" : "runtime.exit-code";
        return new StepFailure(
                "go",
                "go",
                3,
                "expected exit code 0",
                "exit code 3",
                null,
                List.of(),
                new Classification(category, rule, "exit code 3"));
    }

    private Attempts attempts(Attempts.Attempt attempt, int retries) {
        return new Attempts(attempt, retries, work, new RecordingLog(), Path::toString);
    }

    private static Map<Scenario, Source> sources(Scenario... scenarios) {
        Map<Scenario, Source> sources = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            sources.put(scenario, scenario.source());
        }
        return sources;
    }

    private static List<String> lines(List<ScenarioResult> results) {
        return results.stream()
                .map(result -> result.name() + " " + result.status()
                        + (result.skip() == null
                                ? ""
                                : " " + result.skip().rule() + " "
                                        + result.skip().evidence()))
                .toList();
    }

    @Test
    void runAll_oneThreadDependentFirstInManifest_runsAfterItsNeedReportedInManifestOrder() {
        List<ScenarioResult> reported = new ArrayList<>();

        List<ScenarioResult> results = ScenarioPool.runAll(
                sources(scenario("use", "make"), scenario("make"), scenario("other")),
                attempts((scenario, source) -> attempt(scenario), 0),
                1,
                reported::add);

        assertThat(events)
                .containsExactly("start make", "end make", "start use", "end use", "start other", "end other");
        assertThat(lines(results)).containsExactly("use PASS", "make PASS", "other PASS");
        assertThat(reported).containsExactlyElementsOf(results);
    }

    @Test
    void runAll_needFailed_dependentAndItsDependentSkippedNeverRun() {
        script.put("make", List.of(Status.FAIL));
        List<ScenarioResult> reported = new ArrayList<>();

        List<ScenarioResult> results = ScenarioPool.runAll(
                sources(scenario("make"), scenario("use", "make"), scenario("audit", "use"), scenario("other")),
                attempts((scenario, source) -> attempt(scenario), 0),
                1,
                reported::add);

        assertThat(events).containsExactly("start make", "end make", "start other", "end other");
        assertThat(lines(results))
                .containsExactly(
                        "make FAIL",
                        "use SKIP runtime.dependency needs make, which failed",
                        "audit SKIP runtime.dependency needs use, which was skipped",
                        "other PASS");
        assertThat(lines(reported)).containsExactlyElementsOf(lines(results));
    }

    @Test
    void runAll_twoNeedsOneFailed_waitsForBothThenNamesTheFirstThatDidNotPass() {
        script.put("second", List.of(Status.FAIL));

        List<ScenarioResult> results = ScenarioPool.runAll(
                sources(scenario("use", "first", "second"), scenario("second"), scenario("first")),
                attempts((scenario, source) -> attempt(scenario), 0),
                1,
                result -> {});

        assertThat(events).containsExactly("start second", "end second", "start first", "end first");
        assertThat(lines(results))
                .containsExactly("use SKIP runtime.dependency needs second, which failed", "second FAIL", "first PASS");
    }

    @Test
    void runAll_needSkippedByThePreflight_dependentSkippedWhichWasSkipped() {
        Scenario live = scenario("live");
        ScenarioResult skipped = ScenarioResult.skipped(
                "live",
                Duration.ZERO,
                new Classification(FailureCategory.HOST, "host.requires.endpoint", "127.0.0.1:1 — connection refused"));

        List<ScenarioResult> results = ScenarioPool.runAll(
                sources(scenario("use", "live"), scenario("other")),
                Map.of(live, skipped),
                attempts((scenario, source) -> attempt(scenario), 0),
                1,
                result -> {});

        assertThat(events).containsExactly("start other", "end other");
        assertThat(lines(results))
                .containsExactly("use SKIP host.dependency needs live, which was skipped", "other PASS");
    }

    @Test
    void runAll_needPassesOnlyOnItsRetry_dependentRunsAfterTheLastAttempt() {
        script.put("make", List.of(Status.FAIL, Status.PASS));

        List<ScenarioResult> results = ScenarioPool.runAll(
                sources(scenario("use", "make"), scenario("make")),
                attempts((scenario, source) -> attempt(scenario), 1),
                1,
                result -> {});

        assertThat(events).containsExactly("start make", "end make", "start make", "end make", "start use", "end use");
        assertThat(lines(results)).containsExactly("use PASS", "make PASS");
        assertThat(results.get(1).attempts()).isEqualTo(2);
    }

    @Test
    void runAll_needFailsEveryRetry_dependentSkippedOnTheLastOutcome() {
        script.put("make", List.of(Status.FAIL, Status.FAIL));

        List<ScenarioResult> results = ScenarioPool.runAll(
                sources(scenario("make"), scenario("use", "make")),
                attempts((scenario, source) -> attempt(scenario), 1),
                1,
                result -> {});

        assertThat(events).containsExactly("start make", "end make", "start make", "end make");
        assertThat(lines(results)).containsExactly("make FAIL", "use SKIP host.dependency needs make, which failed");
    }

    @Test
    void runAll_threeThreads_independentScenarioRunsWhileTheNeedRunsAndTheDependentWaits() throws Exception {
        CountDownLatch otherStarted = new CountDownLatch(1);
        Attempts.Attempt attempt = (scenario, source) -> {
            events.add("enter " + scenario.name());
            if (scenario.name().equals("other")) {
                otherStarted.countDown();
            }
            if (scenario.name().equals("make")) {
                events.add("make waits for other");
                try {
                    assertThat(otherStarted.await(30, TimeUnit.SECONDS))
                            .as("other started while make ran")
                            .isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return attempt(scenario);
        };
        List<ScenarioResult> reported = new ArrayList<>();

        List<ScenarioResult> results = ScenarioPool.runAll(
                sources(scenario("use", "make"), scenario("make"), scenario("other")),
                attempts(attempt, 0),
                3,
                reported::add);

        assertThat(lines(results)).containsExactly("use PASS", "make PASS", "other PASS");
        assertThat(reported).containsExactlyElementsOf(results);
        assertThat(events.indexOf("start use")).isGreaterThan(events.indexOf("end make"));
        assertThat(events.indexOf("enter other")).isLessThan(events.indexOf("end make"));
    }

    @Test
    void runAll_threeThreadsNeedFailed_dependentSkippedOthersRun() {
        script.put("make", List.of(Status.FAIL));

        List<ScenarioResult> results = ScenarioPool.runAll(
                sources(scenario("make"), scenario("use", "make"), scenario("a"), scenario("b", "a")),
                attempts((scenario, source) -> attempt(scenario), 0),
                3,
                result -> {});

        assertThat(lines(results))
                .containsExactly(
                        "make FAIL", "use SKIP runtime.dependency needs make, which failed", "a PASS", "b PASS");
        assertThat(events).doesNotContain("start use");
        assertThat(events.indexOf("start b")).isGreaterThan(events.indexOf("end a"));
    }

    @Test
    void runAll_twoThreadsInterrupted_runningOnesEndQueuedAndWaitingOnesSkippedAsInterrupted() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Attempts.Attempt attempt = (scenario, source) -> {
            bothStarted.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                events.add("not interrupted " + scenario.name());
            } catch (InterruptedException e) {
                events.add("interrupted " + scenario.name());
            }
            return new ScenarioResult(scenario.name(), Status.PASS, Duration.ZERO, List.of(), null, null);
        };
        Thread caller = Thread.currentThread();
        Thread stopper = new Thread(() -> {
            try {
                bothStarted.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        stopper.start();

        List<ScenarioResult> results;
        try {
            results = ScenarioPool.runAll(
                    sources(scenario("a"), scenario("b"), scenario("c"), scenario("d", "a")),
                    attempts(attempt, 0),
                    2,
                    result -> {});
        } finally {
            // runAll sets the flag again; join would throw on it while the stopper is still ending.
            boolean interrupted = Thread.interrupted();
            stopper.join();
            if (interrupted) {
                caller.interrupt();
            }
        }

        assertThat(Thread.interrupted()).as("the interrupt flag is set again").isTrue();
        assertThat(events).containsExactlyInAnyOrder("interrupted a", "interrupted b");
        assertThat(lines(results))
                .containsExactly(
                        "a PASS",
                        "b PASS",
                        "c SKIP host.interrupted (the gate was stopped) not run: the gate was interrupted before"
                                + " this scenario started",
                        "d SKIP host.interrupted (the gate was stopped) not run: the gate was interrupted before"
                                + " this scenario started");
    }

    @Test
    void runAll_needNotInTheRun_rejected() {
        assertThatThrownBy(() -> ScenarioPool.runAll(
                        sources(scenario("use", "make")),
                        attempts((scenario, source) -> attempt(scenario), 0),
                        1,
                        result -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("use needs make, which is not in this run: a selection must keep what its scenarios need"
                        + " (NeedsGraph.withNeeds, NeedsGraph.chains)");
    }
}
