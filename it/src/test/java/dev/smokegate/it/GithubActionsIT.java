package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate on a GitHub Actions runner as the runner sees it: a real forked {@code mvn} on the sample
 * project {@code github-actions} with {@code GITHUB_ACTIONS=true}. The workflow commands must be
 * bare lines of the build's output (the runner reads them only at the start of a line, so never
 * behind Maven's {@code [ERROR] }), and the step summary is appended to {@code $GITHUB_STEP_SUMMARY}.
 * Without the variable, none of it appears.
 */
class GithubActionsIT {
    private static final String FAILURE = "::error file=src/smoke/manifest.toml,line=18,title=smoke broken › greet::"
            + "runtime.output: expected stdout to contain 'bye'; seen: not found in 1 line (6 bytes) of stdout";
    private static final String SKIP = "::warning file=src/smoke/manifest.toml,line=23,title=smoke live skipped::"
            + "host.requires.endpoint 127.0.0.1:1 — connection refused";

    private static Path checkout;

    @BeforeAll
    static void fixtures() throws Exception {
        checkout = FixtureRepos.greeter(ForkedMaven.scratch("github-actions").resolve("greeter"));
    }

    /**
     * The runner's variables for a project: on a runner or not ({@code GITHUB_ACTIONS} is set either
     * way, so that a runner running these ITs does not leak its own), the project as the workspace, and
     * the step summary at {@code <project>/step-summary.md}.
     */
    private static Map<String, String> runner(Path project, boolean onRunner) {
        return Map.of(
                "GITHUB_ACTIONS", onRunner ? "true" : "",
                "GITHUB_WORKSPACE", project.toString(),
                "GITHUB_STEP_SUMMARY", project.resolve("step-summary.md").toString());
    }

    @Test
    void verify_onTheRunner_bareErrorAndWarningLinesAndTheStepSummaryTable() throws Exception {
        Path project = ForkedMaven.project("github-actions", "github-actions-runner");
        Files.writeString(project.resolve("step-summary.md"), "## Earlier step\n", StandardCharsets.UTF_8);

        ForkedMaven.Result result =
                ForkedMaven.mvn(project, runner(project, true), "verify", "-Dfixture.checkout=" + checkout);

        assertExit(result, 1);
        assertThat(result.smokeLines()).anySatisfy(passLine("ok"));
        assertThat(result.lines()).containsSubsequence(FAILURE, SKIP);
        assertThat(result.lines())
                .filteredOn(line -> line.contains("::error") || line.contains("::warning"))
                .as("every workflow command starts its line")
                .containsExactly(FAILURE, SKIP);
        assertThat(Files.readString(project.resolve("step-summary.md"), StandardCharsets.UTF_8)
                        .replaceAll("\\d+\\.\\d s", "N s"))
                .isEqualTo(
                        """
                        ## Earlier step
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
    void verify_brokenManifestOnTheRunner_errorAtItsFileLineAndColumn() throws Exception {
        Path project = ForkedMaven.project("github-actions", "github-actions-broken");

        ForkedMaven.Result result =
                ForkedMaven.mvn(project, runner(project, true), "verify", "-Dsmoke.manifest=src/smoke/broken.toml");

        assertExit(result, 1);
        assertThat(result.lines())
                .contains("::error file=src/smoke/broken.toml,line=10,col=3::unknown key 'timout' in [[scenario.step]]."
                        + " Did you mean 'timeout'?");
        assertThat(result.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("[ERROR] Failed to execute goal dev.smokegate:smoke-maven-plugin")
                .contains("src/smoke/broken.toml:10:3: unknown key 'timout' in [[scenario.step]]."));
        assertThat(project.resolve("step-summary.md")).doesNotExist();
    }

    @Test
    void verify_notOnTheRunner_noWorkflowCommandAndNoStepSummary() throws Exception {
        Path project = ForkedMaven.project("github-actions", "github-actions-off");

        ForkedMaven.Result result =
                ForkedMaven.mvn(project, runner(project, false), "verify", "-Dfixture.checkout=" + checkout);

        assertExit(result, 1);
        assertThat(result.summary()).startsWith("Smoke: 1 passed, 1 failed, 1 skipped");
        assertThat(result.lines())
                .filteredOn(line -> line.contains("::error") || line.contains("::warning"))
                .isEmpty();
        assertThat(project.resolve("step-summary.md")).doesNotExist();
    }
}
