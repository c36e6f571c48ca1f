package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lines a GitHub Actions runner reads: the escaping of {@code @actions/core}, each workflow
 * command's exact shape, the path an annotation names, and the step summary.
 */
class GithubActionsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private Path project;

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(tmp.resolve("project/src/smoke"))
                .getParent()
                .getParent();
    }

    private List<String> printed() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** On a runner, the workspace being the project folder, with the step summary at {@code <tmp>/summary.md}. */
    private GithubActions github() {
        return GithubActions.of(
                        Map.of(
                                "GITHUB_ACTIONS", "true",
                                "GITHUB_WORKSPACE", project.toString(),
                                "GITHUB_STEP_SUMMARY", tmp.resolve("summary.md").toString()),
                        project,
                        out)
                .orElseThrow();
    }

    private Manifest manifest() {
        return new Manifest(
                project.resolve("src/smoke/manifest.toml"),
                Duration.ofMinutes(10),
                Map.of(),
                List.of(ReportFixtures.scenario("loop", "install", "test"), ReportFixtures.scenario("live", "hello")));
    }

    private static StepFailure failure(String step, String seen) {
        return new StepFailure(
                step,
                "mvn -B test",
                1,
                "expected exit code 0",
                seen,
                null,
                List.of(),
                new Classification(
                        FailureCategory.SOURCE, "source.tests-failed (surefire)", "Tests run: 4, Failures: 1"));
    }

    private static ScenarioResult failed(String name, StepFailure failure) {
        return new ScenarioResult(name, Status.FAIL, Duration.ofMillis(12_345), List.of(), failure, null);
    }

    private static ScenarioResult skipped(String name) {
        return ScenarioResult.skipped(
                name,
                Duration.ofMillis(40),
                new Classification(
                        FailureCategory.HOST,
                        "host.requires.endpoint (a required endpoint is closed)",
                        "127.0.0.1:1 — connection refused"));
    }

    private static ScenarioResult passed(String name) {
        return new ScenarioResult(name, Status.PASS, Duration.ofMillis(1_500), List.of(), null, null);
    }

    @Test
    void escapeData_percentCarriageReturnAndLineFeed_areEscapedAndPercentFirst() {
        assertThat(GithubActions.escapeData("100% done\r\nnext %0A")).isEqualTo("100%25 done%0D%0Anext %250A");
    }

    @Test
    void escapeData_colonAndComma_areKept() {
        assertThat(GithubActions.escapeData("a: b, c")).isEqualTo("a: b, c");
    }

    @Test
    void escapeProperty_colonAndComma_areEscapedToo() {
        assertThat(GithubActions.escapeProperty("smoke a › b: x,y 5%\r\n"))
                .isEqualTo("smoke a › b%3A x%2Cy 5%25%0D%0A");
    }

    @Test
    void command_propertiesInOrder_joinedByCommas() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("file", "a,b.toml");
        properties.put("line", "3");
        assertThat(GithubActions.command("error", properties, "x: y"))
                .isEqualTo("::error file=a%2Cb.toml,line=3::x: y");
        assertThat(GithubActions.command("warning", Map.of(), "50%")).isEqualTo("::warning::50%25");
    }

    @Test
    void of_withoutGithubActionsTrue_isEmptyAndPrintsNothing() {
        assertThat(GithubActions.of(Map.of(), project, out)).isEmpty();
        assertThat(GithubActions.of(Map.of("GITHUB_ACTIONS", "false"), project, out))
                .isEmpty();
        assertThat(GithubActions.of(Map.of("GITHUB_ACTIONS", ""), project, out)).isEmpty();
        assertThat(bytes.size()).isZero();
    }

    @Test
    void annotate_failAndSkip_oneBareLineEachAtTheStepAndScenarioLines() {
        GateResult result =
                new GateResult(List.of(failed("loop", failure("test", "exit code 1")), skipped("live")), List.of());

        github().annotate(result, manifest());

        assertThat(printed())
                .containsExactly(
                        "::error file=src/smoke/manifest.toml,line=6,title=smoke loop › test::source.tests-failed:"
                                + " expected exit code 0; seen: exit code 1",
                        "::warning file=src/smoke/manifest.toml,line=1,title=smoke live skipped::host.requires.endpoint"
                                + " 127.0.0.1:1 — connection refused");
    }

    @Test
    void annotate_pass_printsNothing() {
        github().annotate(new GateResult(List.of(passed("loop"), passed("live")), List.of()), manifest());

        assertThat(bytes.size()).isZero();
    }

    @Test
    void annotate_failureBeforeAnyStep_pointsAtTheScenarioLine() {
        github().annotate(
                        new GateResult(List.of(failed("loop", failure("prepare", "clone failed"))), List.of()),
                        manifest());

        assertThat(printed())
                .containsExactly("::error file=src/smoke/manifest.toml,line=1,title=smoke loop › prepare::"
                        + "source.tests-failed: expected exit code 0; seen: clone failed");
    }

    @Test
    void annotate_multiLineSeenWithPercent_staysOneLine() {
        github().annotate(
                        new GateResult(
                                List.of(failed("loop", failure("install", "line one\n  line two 100%"))), List.of()),
                        manifest());

        assertThat(printed())
                .containsExactly("::error file=src/smoke/manifest.toml,line=5,title=smoke loop › install::"
                        + "source.tests-failed: expected exit code 0; seen: line one line two 100%25");
    }

    @Test
    void manifestProblem_location_errorWithLineAndColumn() {
        github().manifestProblem(
                        new Location("src/smoke/manifest.toml", 9, 3),
                        "unknown key 'timout' in [[scenario.step]]. Did you mean 'timeout'?");

        assertThat(printed())
                .containsExactly("::error file=src/smoke/manifest.toml,line=9,col=3::unknown key 'timout' in"
                        + " [[scenario.step]]. Did you mean 'timeout'?");
    }

    @Test
    void manifestUnreadable_noPosition_errorOnTheFile() {
        github().manifestUnreadable(
                        project.resolve("src/smoke/manifest.toml"),
                        "Smoke manifest not found: src/smoke/manifest.toml.");

        assertThat(printed())
                .containsExactly(
                        "::error file=src/smoke/manifest.toml::Smoke manifest not found: src/smoke/manifest.toml.");
    }

    @Test
    void file_checkoutInASubfolderOfTheWorkspace_relativeToItsGitRoot() throws IOException {
        Path repository = tmp.resolve("workspace/checkout");
        Files.createDirectories(repository.resolve(".git"));
        Path module = Files.createDirectories(repository.resolve("module"));
        GithubActions github = GithubActions.of(
                        Map.of(
                                "GITHUB_ACTIONS",
                                "true",
                                "GITHUB_WORKSPACE",
                                tmp.resolve("workspace").toString()),
                        module,
                        out)
                .orElseThrow();

        assertThat(github.file(module.resolve("src/smoke/manifest.toml"))).isEqualTo("module/src/smoke/manifest.toml");
    }

    @Test
    void file_workspaceWithoutGit_relativeToTheWorkspace() throws IOException {
        Path module = Files.createDirectories(project.resolve("module"));
        GithubActions github = GithubActions.of(
                        Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", project.toString()), module, out)
                .orElseThrow();

        assertThat(github.file(Path.of("src/smoke/manifest.toml"))).isEqualTo("module/src/smoke/manifest.toml");
    }

    @Test
    void file_noWorkspaceButAGitFolderAbove_relativeToIt() throws IOException {
        Files.createDirectories(tmp.resolve(".git"));
        GithubActions github =
                GithubActions.of(Map.of("GITHUB_ACTIONS", "true"), project, out).orElseThrow();

        assertThat(github.file(project.resolve("src/smoke/manifest.toml")))
                .isEqualTo("project/src/smoke/manifest.toml");
    }

    @Test
    void file_noWorkspaceAndNoGit_relativeToTheProject() {
        GithubActions github =
                GithubActions.of(Map.of("GITHUB_ACTIONS", "true"), project, out).orElseThrow();

        assertThat(github.file(project.resolve("src/smoke/manifest.toml"))).isEqualTo("src/smoke/manifest.toml");
    }

    @Test
    void appendSummary_earlierContent_keptAndTheTableAppendedInUtf8() throws IOException {
        Path summary = tmp.resolve("summary.md");
        Files.writeString(summary, "## Build\n\nearlier step\n", StandardCharsets.UTF_8);
        GateResult result = new GateResult(
                List.of(
                        passed("first"),
                        failed("loop", failure("test", "exit code 1 | <b>tag</b> & more")),
                        skipped("live")),
                List.of());

        assertThat(github().appendSummary(result, "src/smoke/manifest.toml")).contains(summary);

        assertThat(Files.readString(summary, StandardCharsets.UTF_8))
                .isEqualTo(
                        """
                        ## Build

                        earlier step
                        ### Smoke gate: src/smoke/manifest.toml

                        **Failed:** 1 passed, 1 failed, 1 skipped

                        | Scenario | Status | Category | Rule | Duration | Reason |
                        |---|---|---|---|---:|---|
                        | first | PASS |  |  | 1.5 s |  |
                        | loop | FAIL | source | source.tests-failed | 12.3 s | test: expected exit code 0; seen: exit\
                         code 1 \\| &lt;b&gt;tag&lt;/b&gt; &amp; more |
                        | live | SKIP | host | host.requires.endpoint | 0.0 s | 127.0.0.1:1 — connection refused |

                        """);
    }

    @Test
    void appendSummary_twice_appendsTwoTables() throws IOException {
        GateResult result = new GateResult(List.of(passed("first")), List.of());

        github().appendSummary(result, "a.toml");
        github().appendSummary(result, "b.toml");

        assertThat(Files.readString(tmp.resolve("summary.md"), StandardCharsets.UTF_8))
                .isEqualTo(
                        """
                        ### Smoke gate: a.toml

                        Passed: 1 passed, 0 failed, 0 skipped

                        | Scenario | Status | Category | Rule | Duration | Reason |
                        |---|---|---|---|---:|---|
                        | first | PASS |  |  | 1.5 s |  |

                        ### Smoke gate: b.toml

                        Passed: 1 passed, 0 failed, 0 skipped

                        | Scenario | Status | Category | Rule | Duration | Reason |
                        |---|---|---|---|---:|---|
                        | first | PASS |  |  | 1.5 s |  |

                        """);
    }

    @Test
    void appendSummary_checkoutChanged_saysSoUnderTheTable() {
        GateResult result = new GateResult(List.of(passed("first")), List.of("greeter: src/Changed.java"));

        assertThat(GithubActions.summaryMarkdown(result, "m.toml"))
                .endsWith("| first | PASS |  |  | 1.5 s |  |\n\n**Checkout changed during the gate:** greeter:"
                        + " src/Changed.java\n\n");
    }

    @Test
    void appendSummary_noStepSummaryVariable_writesNothing() throws IOException {
        GithubActions github =
                GithubActions.of(Map.of("GITHUB_ACTIONS", "true"), project, out).orElseThrow();

        assertThat(github.appendSummary(new GateResult(List.of(passed("first")), List.of()), "m.toml"))
                .isEqualTo(Optional.empty());
        assertThat(tmp.resolve("summary.md")).doesNotExist();
    }
}
