package dev.smokegate.smoke.report;

import static dev.smokegate.smoke.report.ReportFixtures.scenario;

import dev.smokegate.smoke.model.CheckRecord;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run of three scenarios written as {@code smoke-summary.json} by {@link SummaryJson} and read back
 * as a {@link GateView}, as the engine does before writing {@code index.html}: {@code ok} passes (one
 * 1.1 s step, the slowest of the run), {@code broken} fails at its second step with the given
 * evidence, seen text and log tail, {@code live} is skipped on a closed endpoint.
 */
final class HtmlFixtures {
    static final String EXIT_RULE = "runtime.exit-code (the process ran and exited with a failing code)";
    static final String SKIP_EVIDENCE = "127.0.0.1:1 — connection refused";

    private HtmlFixtures() {}

    /**
     * @param project the project folder; the summary goes to {@code target/smoke/smoke-summary.json}
     * @param evidence the failure's evidence
     * @param seen what the failing check saw
     * @param tail the failing step's log tail
     * @return the run read back from the summary
     */
    static GateView run(Path project, String evidence, String seen, List<String> tail) throws IOException {
        Path logs = project.resolve("target/smoke");
        Path stepLog = logs.resolve("broken/02-run.log");
        ScenarioResult ok = new ScenarioResult(
                "ok",
                Status.PASS,
                Duration.ofMillis(1_200),
                List.of(new StepRecord(
                        "build",
                        1,
                        Duration.ofMillis(1_100),
                        true,
                        0,
                        List.of(new CheckRecord("exit code 0", true, "exit code 0")),
                        List.of(logs.resolve("ok/01-build.log")))),
                null,
                null);
        ScenarioResult broken = new ScenarioResult(
                "broken",
                Status.FAIL,
                Duration.ofMillis(900),
                List.of(
                        new StepRecord("build", 1, Duration.ofMillis(400), true),
                        new StepRecord(
                                "run",
                                2,
                                Duration.ofMillis(300),
                                false,
                                3,
                                List.of(new CheckRecord("exit code 0", false, seen)),
                                List.of(stepLog, logs.resolve("broken/02-run.stdout.log")))),
                new StepFailure(
                        "run",
                        "./run.sh",
                        3,
                        "expected exit code 0",
                        seen,
                        stepLog,
                        tail,
                        new Classification(FailureCategory.RUNTIME, EXIT_RULE, evidence)),
                null);
        ScenarioResult live = ScenarioResult.skipped(
                "live",
                Duration.ofMillis(4),
                new Classification(FailureCategory.HOST, "host.requires.endpoint", SKIP_EVIDENCE));
        Manifest manifest = new Manifest(
                project.resolve("src/smoke/manifest.toml"),
                Duration.ofMinutes(10),
                Map.of(),
                List.of(
                        owned(scenario("ok", "build"), "REL-1"),
                        owned(scenario("broken", "build", "run"), "REL-2", "REL-3"),
                        scenario("live", "call")));
        Path summary = logs.resolve("smoke-summary.json");
        new SummaryJson(
                        new GateResult(List.of(ok, broken, live), List.of()),
                        manifest,
                        GateParameters.builder("src/smoke/manifest.toml").build())
                .times(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:02.5Z"))
                .evidenceLines(Map.of("broken", 2))
                .display(path -> project.relativize(path).toString())
                .write(summary, (level, message) -> {});
        return GateView.read(summary);
    }

    private static Scenario owned(Scenario scenario, String... owners) {
        return new Scenario(
                scenario.name(),
                scenario.description(),
                List.of(owners),
                scenario.tags(),
                scenario.source(),
                scenario.env(),
                scenario.timeout(),
                scenario.steps(),
                scenario.location());
    }
}
