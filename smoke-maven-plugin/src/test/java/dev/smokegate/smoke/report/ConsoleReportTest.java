package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ServiceTail;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {
    private static final Path BASEDIR = Path.of("/home/dev/greeter").toAbsolutePath();
    private static final Function<Path, String> DISPLAY =
            path -> BASEDIR.relativize(path).toString();

    private static final Classification EXIT_CODE = new Classification(
            FailureCategory.RUNTIME,
            "runtime.exit-code (the process exited with an unexpected code)",
            "[INFO] BUILD FAILURE");
    private static final Classification NOT_A_REPOSITORY = new Classification(
            FailureCategory.SOURCE,
            "source.not-a-repository (the configured checkout is not a git work tree)",
            "/home/dev/elsewhere is not a git work tree");

    private final RecordingLog log = new RecordingLog();

    private static ScenarioResult passed(String name, long millis) {
        return new ScenarioResult(
                name,
                Status.PASS,
                Duration.ofMillis(millis),
                List.of(new StepRecord("build", 1, Duration.ofMillis(millis), true)),
                null,
                null);
    }

    private static ScenarioResult rerunFailed() {
        StepFailure failure = new StepFailure(
                "rerun",
                "./mvnw -B -q verify",
                1,
                "expected exit code 0",
                "exit code 1",
                BASEDIR.resolve("target/smoke/x/04-rerun.log"),
                List.of("[ERROR] Tests run: 4, Failures: 1", "[INFO] BUILD FAILURE"),
                EXIT_CODE);
        return new ScenarioResult(
                "x",
                Status.FAIL,
                Duration.ofSeconds(12),
                List.of(new StepRecord("rerun", 4, Duration.ofSeconds(3), false)),
                failure,
                null);
    }

    private static ScenarioResult prepareFailed() {
        StepFailure failure = new StepFailure(
                "prepare",
                null,
                null,
                "expected a copy of the checkout",
                "/home/dev/elsewhere is not a git work tree",
                null,
                List.of(),
                NOT_A_REPOSITORY);
        return new ScenarioResult("elsewhere", Status.FAIL, Duration.ofMillis(20), List.of(), failure, null);
    }

    /** A clone in offline mode with an empty cache, as the engine reports it: a FAIL at prepare, host. */
    private static ScenarioResult offlineCacheEmpty() {
        String message = "https://repo.example.org/greeter.git is not in the clone cache and Maven runs offline (-o)."
                + " Run once without -o to fill the cache.";
        StepFailure failure = ReportFixtures.offlineNotCached(message);
        return new ScenarioResult("cold-cache", Status.FAIL, Duration.ofMillis(3), List.of(), failure, null);
    }

    private static ScenarioResult skipped(String name, String reason) {
        return new ScenarioResult(
                name,
                Status.SKIP,
                Duration.ZERO,
                List.of(),
                null,
                new Classification(FailureCategory.HOST, "host.requires.endpoint", reason));
    }

    @Test
    void failureLines_probeFailedWhileAServiceRan_serviceTailAfterTheStepTail() {
        StepFailure failure = new StepFailure(
                        "greet",
                        "GET http://127.0.0.1:8080/api/greeting",
                        null,
                        "expected HTTP status 200-399",
                        "HTTP status 500",
                        BASEDIR.resolve("target/smoke/svc/02-greet.log"),
                        List.of("< HTTP 500", "{\"error\":\"database unavailable\"}"),
                        new Classification(
                                FailureCategory.RUNTIME,
                                "runtime.probe-failed (the probe got an answer, but not the expected one)",
                                "HTTP 500 {\"error\":\"database unavailable\"}"))
                .withServices(List.of(new ServiceTail(
                        "app",
                        BASEDIR.resolve("target/smoke/svc/01-serve.log"),
                        List.of("GET /healthz -> 200", "ERROR GET /api/greeting -> 500: database unavailable"))));
        ScenarioResult result = new ScenarioResult(
                "svc",
                Status.FAIL,
                Duration.ofSeconds(3),
                List.of(new StepRecord("greet", 2, Duration.ofMillis(40), false)),
                failure,
                null);

        assertThat(ConsoleReport.failureLines(result, DISPLAY))
                .containsExactly(
                        "[smoke] FAIL svc › greet: expected HTTP status 200-399 — log: target/smoke/svc/02-greet.log",
                        "[smoke]   command:   GET http://127.0.0.1:8080/api/greeting",
                        "[smoke]   expected:  HTTP status 200-399",
                        "[smoke]   seen:      HTTP status 500",
                        "[smoke]   class:     runtime (rule runtime.probe-failed (the probe got an answer, but not the"
                                + " expected one))",
                        "[smoke]   evidence:  HTTP 500 {\"error\":\"database unavailable\"}",
                        "[smoke]   last 2 lines of target/smoke/svc/02-greet.log:",
                        "[smoke]   | < HTTP 500",
                        "[smoke]   | {\"error\":\"database unavailable\"}",
                        "[smoke]   service app, last 2 lines of target/smoke/svc/01-serve.log:",
                        "[smoke]   | GET /healthz -> 200",
                        "[smoke]   | ERROR GET /api/greeting -> 500: database unavailable");
    }

    @Test
    void scenario_passed_oneInfoLineWithSecondsToOneDecimal() {
        ConsoleReport.scenario(passed("greeter-local-loop", 41_234), DISPLAY, log);

        assertThat(log.entries())
                .containsExactly(new RecordingLog.Line("INFO", "[smoke] PASS greeter-local-loop (41.2 s)"));
    }

    @Test
    void scenario_passedUnderASecond_showsZeroPointSeconds() {
        ConsoleReport.scenario(passed("quick", 460), DISPLAY, log);

        assertThat(log.messages()).containsExactly("[smoke] PASS quick (0.5 s)");
    }

    @Test
    void scenario_failedStep_errorLinesWithCommandExitEvidenceAndTail() {
        ConsoleReport.scenario(rerunFailed(), DISPLAY, log);

        assertThat(log.messages())
                .containsExactly(
                        "[smoke] FAIL x › rerun: expected exit code 0 — log: target/smoke/x/04-rerun.log",
                        "[smoke]   command:   ./mvnw -B -q verify",
                        "[smoke]   exit code: 1",
                        "[smoke]   expected:  exit code 0",
                        "[smoke]   seen:      exit code 1",
                        "[smoke]   class:     runtime (rule runtime.exit-code (the process exited with an unexpected code))",
                        "[smoke]   evidence:  [INFO] BUILD FAILURE",
                        "[smoke]   last 2 lines of target/smoke/x/04-rerun.log:",
                        "[smoke]   | [ERROR] Tests run: 4, Failures: 1",
                        "[smoke]   | [INFO] BUILD FAILURE");
        assertThat(log.levels()).containsExactly("ERROR");
    }

    @Test
    void failureLines_failedStep_sameLinesAsLogged() {
        ConsoleReport.scenario(rerunFailed(), DISPLAY, log);

        assertThat(ConsoleReport.failureLines(rerunFailed(), DISPLAY)).isEqualTo(log.messages());
    }

    @Test
    void scenario_failedAtPrepare_noLogCommandExitCodeTailOrRepeatedEvidence() {
        ConsoleReport.scenario(prepareFailed(), DISPLAY, log);

        assertThat(log.messages())
                .containsExactly(
                        "[smoke] FAIL elsewhere › prepare: expected a copy of the checkout",
                        "[smoke]   expected:  a copy of the checkout",
                        "[smoke]   seen:      /home/dev/elsewhere is not a git work tree",
                        "[smoke]   class:     source (rule source.not-a-repository (the configured checkout is not a git work tree))");
        assertThat(log.levels()).containsExactly("ERROR");
    }

    @Test
    void failureLines_expectationWithoutExpectedPrefix_printedAsIs() {
        StepFailure failure = new StepFailure(
                "export", null, null, "files matching target/*.jar", "none", null, List.of(), EXIT_CODE);
        ScenarioResult result = new ScenarioResult("e", Status.FAIL, Duration.ZERO, List.of(), failure, null);

        assertThat(ConsoleReport.failureLines(result, DISPLAY))
                .contains("[smoke]   expected:  files matching target/*.jar");
    }

    @Test
    void scenario_skipped_warnLineWithRuleAndEvidence() {
        ConsoleReport.scenario(
                skipped("chat-live", "https://api.example.org/health — connect timed out after 5 s"), DISPLAY, log);

        assertThat(log.entries())
                .containsExactly(new RecordingLog.Line(
                        "WARN",
                        "[smoke] SKIP chat-live: host.requires.endpoint https://api.example.org/health — connect timed"
                                + " out after 5 s"));
    }

    @Test
    void summary_withFailure_errorSummaryAsLastLine() {
        GateResult result = new GateResult(List.of(passed("a", 1_000), rerunFailed()), List.of());

        ConsoleReport.summary(result, log);

        assertThat(log.entries())
                .containsExactly(
                        new RecordingLog.Line("ERROR", "Smoke: 1 passed, 1 failed, 0 skipped"),
                        new RecordingLog.Line("ERROR", "Smoke gate failed: 1 of 2 scenarios (runtime 1)"),
                        new RecordingLog.Line("ERROR", "  FAIL x › rerun: runtime.exit-code"));
    }

    @Test
    void summary_passedWithSkip_errorSummaryBecauseASkipFailsTheGate() {
        GateResult result = new GateResult(List.of(passed("a", 1_000), skipped("b", "why")), List.of());

        ConsoleReport.summary(result, log);

        assertThat(log.entries())
                .containsExactly(
                        new RecordingLog.Line("ERROR", "Smoke: 1 passed, 0 failed, 1 skipped"),
                        new RecordingLog.Line("ERROR", "Smoke gate failed: 0 of 2 scenarios, 1 skipped (host 1)"),
                        new RecordingLog.Line("ERROR", "  SKIP b: host.requires.endpoint"));
    }

    @Test
    void summary_failuresOfEachCategoryAndASkip_verdictGroupedByCategoryThenOneLinePerScenario() {
        GateResult result = new GateResult(
                List.of(
                        passed("a", 1_000),
                        rerunFailed(),
                        prepareFailed(),
                        passed("d", 1_000),
                        skipped("live", "https://api.example.org/health — connect timed out after 5 s"),
                        offlineCacheEmpty(),
                        passed("g", 1_000)),
                List.of());

        ConsoleReport.summary(result, log);

        assertThat(log.messages())
                .containsExactly(
                        "Smoke: 3 passed, 3 failed, 1 skipped",
                        "Smoke gate failed: 3 of 7 scenarios (source 1, runtime 1, host 1), 1 skipped (host 1)",
                        "  FAIL x › rerun: runtime.exit-code",
                        "  FAIL elsewhere › prepare: source.not-a-repository",
                        "  SKIP live: host.requires.endpoint",
                        "  FAIL cold-cache › prepare: host.offline-not-cached");
        assertThat(ConsoleReport.verdict(result))
                .isEqualTo("Smoke gate failed: 3 of 7 scenarios (source 1, runtime 1, host 1), 1 skipped (host 1)");
    }

    /**
     * Issue 12: a clone that Maven's offline mode cannot take from an empty cache is what the engine
     * makes of it, a FAIL classified host at {@code prepare} (the classifier's own verdict here), never
     * a SKIP. A SKIP comes only from an unmet {@code requires}, checked before the workspace.
     */
    @Test
    void scenario_offlineCacheEmpty_failClassifiedHostNotASkip() {
        ScenarioResult offline = offlineCacheEmpty();

        ConsoleReport.scenario(offline, DISPLAY, log);

        assertThat(offline.status()).isEqualTo(Status.FAIL);
        assertThat(log.entries()).allSatisfy(line -> assertThat(line.level()).isEqualTo("ERROR"));
        assertThat(log.messages())
                .first()
                .isEqualTo("[smoke] FAIL cold-cache › prepare: expected a clean clone of the repository");
        assertThat(log.messages())
                .anySatisfy(
                        line -> assertThat(line).startsWith("[smoke]   class:     host (rule host.offline-not-cached "))
                .noneSatisfy(line -> assertThat(line).contains("SKIP"));
    }

    @Test
    void summary_passedWithSkipAndFailOnSkipOff_warningSummary() {
        GateResult result = new GateResult(List.of(passed("a", 1_000), skipped("b", "why")), List.of(), false);

        ConsoleReport.summary(result, log);

        assertThat(log.entries())
                .containsExactly(new RecordingLog.Line("WARN", "Smoke: 1 passed, 0 failed, 1 skipped"));
    }

    @Test
    void summary_checkoutChanged_changeLinesBeforeErrorSummary() {
        GateResult result = new GateResult(
                List.of(passed("a", 1_000)), List.of("/home/dev/greeter: src/Main.java", "/home/dev/greeter: pom.xml"));

        ConsoleReport.summary(result, log);

        assertThat(log.entries())
                .containsExactly(
                        new RecordingLog.Line(
                                "ERROR",
                                "[smoke] FAIL checkout changed during the gate: /home/dev/greeter: src/Main.java"
                                        + " (the gate must never write to a checkout; see the scenario logs for the step that did)"),
                        new RecordingLog.Line(
                                "ERROR",
                                "[smoke] FAIL checkout changed during the gate: /home/dev/greeter: pom.xml"
                                        + " (the gate must never write to a checkout; see the scenario logs for the step that did)"),
                        new RecordingLog.Line("ERROR", "Smoke: 1 passed, 0 failed, 0 skipped, checkout changed"),
                        new RecordingLog.Line(
                                "ERROR", "Smoke gate failed: 0 of 1 scenarios, and the gate changed a checkout"));
    }

    @Test
    void scenarioThenSummary_wholeRun_summaryThenVerdictLast() {
        GateResult result = new GateResult(List.of(passed("a", 2_000), rerunFailed(), skipped("c", "why")), List.of());

        result.scenarios().forEach(scenario -> ConsoleReport.scenario(scenario, DISPLAY, log));
        ConsoleReport.summary(result, log);

        assertThat(log.messages()).first().isEqualTo("[smoke] PASS a (2.0 s)");
        assertThat(log.messages()).contains("[smoke] SKIP c: host.requires.endpoint why");
        assertThat(log.messages())
                .endsWith(
                        "Smoke: 1 passed, 1 failed, 1 skipped",
                        "Smoke gate failed: 1 of 3 scenarios (runtime 1), 1 skipped (host 1)",
                        "  FAIL x › rerun: runtime.exit-code",
                        "  SKIP c: host.requires.endpoint");
    }

    @Test
    void failureLines_tailWithoutLog_headerNamesNoFile() {
        StepFailure failure = new StepFailure(
                "prepare",
                null,
                null,
                "expected a copy of the checkout",
                "broken",
                null,
                List.of("detail"),
                NOT_A_REPOSITORY);

        List<String> lines = ConsoleReport.failureLines(
                new ScenarioResult("x", Status.FAIL, Duration.ZERO, List.of(), failure, null), DISPLAY);

        assertThat(lines).containsSubsequence("[smoke]   last 1 lines:", "[smoke]   | detail");
    }
}
