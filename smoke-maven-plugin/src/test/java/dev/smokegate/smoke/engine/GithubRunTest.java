package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a GitHub Actions runner, end to end without Maven: the workflow commands it writes to
 * its standard output, from the request's environment only, and the step summary it appends to.
 */
@Timeout(120)
class GithubRunTest {
    /** A pass, a failure of the step at line 12 ({@code greet}) and a skip of the scenario at line 16 ({@code live}). */
    private static final String PASS_FAIL_SKIP =
            """
            format = 1
            [[scenario]]
            name = "ok"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "hello"
              run = "echo hello"
              expect.stdout.contains = ["hello"]
            [[scenario]]
            name = "broken"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "greet"
              run = "echo hello"
              expect.stdout.contains = ["bye"]
            [[scenario]]
            name = "live"
            source.checkout = "${fixture.checkout}"
            requires.endpoints = ["127.0.0.1:1"]
              [[scenario.step]]
              name = "hello"
              run = "echo hello"
              expect.stdout.contains = ["hello"]
            """;

    @TempDir
    Path tmp;

    private EngineFixture fixture;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @BeforeEach
    void fixtures() throws IOException {
        fixture = EngineFixture.greeter(tmp);
    }

    /** The process environment without the runner's variables, plus {@code extra}. */
    private static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("GITHUB_"));
        environment.putAll(extra);
        return environment;
    }

    private Map<String, String> onRunner() {
        return Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_WORKSPACE", fixture.project().toString(),
                "GITHUB_STEP_SUMMARY", tmp.resolve("summary.md").toString());
    }

    private GateResult run(String manifest, Map<String, String> extra) throws Exception {
        Files.writeString(fixture.manifest(), manifest, StandardCharsets.UTF_8);
        return new SmokeEngine(fixture.log(), new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(fixture.request().environment(environment(extra)).build());
    }

    private List<String> printed() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void run_passFailSkipOnTheRunner_errorAndWarningLinesAndTheSummaryTable() throws Exception {
        Files.writeString(tmp.resolve("summary.md"), "earlier\n", StandardCharsets.UTF_8);

        GateResult result = run(PASS_FAIL_SKIP, onRunner());

        assertThat(result.scenarios())
                .extracting(ScenarioResult::status)
                .containsExactly(Status.PASS, Status.FAIL, Status.SKIP);
        assertThat(printed())
                .containsExactly(
                        "::error file=src/smoke/manifest.toml,line=12,title=smoke broken › greet::runtime.output:"
                                + " expected stdout to contain 'bye'; seen: not found in 1 line (6 bytes) of stdout",
                        "::warning file=src/smoke/manifest.toml,line=16,title=smoke live skipped::"
                                + "host.requires.endpoint 127.0.0.1:1 — connection refused");
        assertThat(Files.readString(tmp.resolve("summary.md"), StandardCharsets.UTF_8)
                        .replaceAll("\\d+\\.\\d s", "N s"))
                .isEqualTo(
                        """
                        earlier
                        ### Smoke gate: src/smoke/manifest.toml

                        **Failed:** 1 passed, 1 failed, 1 skipped

                        | Scenario | Status | Category | Rule | Duration | Reason |
                        |---|---|---|---|---:|---|
                        | ok | PASS |  |  | N s |  |
                        | broken | FAIL | runtime | runtime.output | N s | greet: expected stdout to contain 'bye'; seen:\
                         not found in 1 line (6 bytes) of stdout |
                        | live | SKIP | host | host.requires.endpoint | N s | 127.0.0.1:1 — connection refused |

                        """);
    }

    @Test
    void run_passFailSkipWithoutTheRunnerVariable_printsNothingAndWritesNoSummary() throws Exception {
        Map<String, String> noRunner = new HashMap<>(onRunner());
        noRunner.remove("GITHUB_ACTIONS");

        GateResult result = run(PASS_FAIL_SKIP, noRunner);

        assertThat(result.scenarios()).hasSize(3);
        assertThat(bytes.size()).isZero();
        assertThat(tmp.resolve("summary.md")).doesNotExist();
    }

    @Test
    void run_manifestWithProblemsOnTheRunner_oneErrorPerProblemAtFileLineColumn() throws Exception {
        ManifestException e = catchThrowableOfType(
                ManifestException.class,
                () -> run(
                        """
                        format = 1
                        [[scenario]]
                        name = "a"
                        source.checkout = "${fixture.checkout}"
                          [[scenario.step]]
                          name = "s"
                          run = "echo hi"
                          timout = "5m"
                          expect.stdout.contains = ["hi"]
                        """,
                        onRunner()));

        assertThat(e).isNotNull();
        assertThat(printed())
                .containsExactly("::error file=src/smoke/manifest.toml,line=8,col=3::unknown key 'timout' in"
                        + " [[scenario.step]]. Did you mean 'timeout'?");
        assertThat(tmp.resolve("summary.md")).doesNotExist();
    }

    @Test
    void run_manifestNotUtf8OnTheRunner_errorAtTheFirstBadByte() throws Exception {
        Files.write(fixture.manifest(), "format = 1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        ManifestException e = catchThrowableOfType(ManifestException.class, () -> new SmokeEngine(
                        fixture.log(), new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(fixture.request().environment(environment(onRunner())).build()));

        assertThat(e).isNotNull();
        assertThat(printed())
                .containsExactly("::error file=src/smoke/manifest.toml,line=2,col=6::not valid UTF-8 at byte offset 16"
                        + " (line 2, column 6): byte 0xE9. Save the manifest as UTF-8; TOML files must be UTF-8.");
    }

    @Test
    void run_missingManifestOnTheRunner_errorOnTheFile() throws Exception {
        ManifestException e = catchThrowableOfType(ManifestException.class, () -> new SmokeEngine(
                        fixture.log(), new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(fixture.request().environment(environment(onRunner())).build()));

        assertThat(printed()).containsExactly("::error file=src/smoke/manifest.toml::" + e.getMessage());
    }

    @Test
    void run_manifestWithProblemsWithoutTheRunnerVariable_printsNothing() throws Exception {
        ManifestException e =
                catchThrowableOfType(ManifestException.class, () -> run("format = 1\ncolour = 1\n", Map.of()));

        assertThat(e).isNotNull();
        assertThat(bytes.size()).isZero();
    }

    @Test
    void run_stepSummaryNotWritable_warnsAndKeepsTheResult() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("summary-is-a-folder"));
        Map<String, String> runner = new HashMap<>(onRunner());
        runner.put("GITHUB_STEP_SUMMARY", folder.toString());

        GateResult result =
                run(PASS_FAIL_SKIP.substring(0, PASS_FAIL_SKIP.indexOf("[[scenario]]\nname = \"broken\"")), runner);

        assertThat(result.passed()).isTrue();
        assertThat(fixture.log().at("WARN"))
                .containsExactly("[smoke] the step summary " + folder + " cannot be appended to:"
                        + " java.nio.file.FileSystemException: " + folder + ": Is a directory. Check that"
                        + " GITHUB_STEP_SUMMARY names a writable file; the gate's result is not changed by this.");
    }
}
