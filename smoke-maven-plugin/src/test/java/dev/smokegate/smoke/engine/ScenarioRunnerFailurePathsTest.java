package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure paths of a scenario's steps that a passing loop never takes: logs and exports that
 * cannot be written (a folder where a file must go, which stops root too), failed checks on the
 * steps that run no command (patch, export), and placeholders inside JSON expectations.
 */
@Timeout(120)
class ScenarioRunnerFailurePathsTest {
    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws IOException {
        fixture = EngineFixture.greeter(tmp).withPatch(FixtureRepos.GREETING_PATCH, "greeting.diff");
    }

    private StepFailure failure(GateResult result) {
        ScenarioResult scenario = result.scenarios().get(0);
        assertThat(scenario.status()).as(fixture.log().visible().toString()).isEqualTo(Status.FAIL);
        return scenario.failure();
    }

    @Test
    void run_stepLogCannotBeWritten_hostIoFailureNamingTheLogFolder() throws Exception {
        GateResult result = fixture.run(
                """
                format = 1
                [[scenario]]
                name = "logs"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "block"
                  run = "mkdir ${smoke.logs}/02-next.log; echo blocked"
                  expect.stdout.contains = ["blocked"]
                  [[scenario.step]]
                  name = "next"
                  run = "echo never"
                  expect.stdout.contains = ["never"]
                """);

        StepFailure failure = failure(result);
        assertThat(failure.step()).isEqualTo("next");
        assertThat(failure.command()).isNull();
        assertThat(failure.expectation()).isEqualTo("expected the gate to read and write its files");
        assertThat(failure.seen())
                .isEqualTo("cannot write the logs of logs › next under target/smoke/logs: "
                        + fixture.project().resolve("target/smoke/logs/02-next.log") + ": Is a directory."
                        + " Check free disk space and permissions.");
        assertThat(failure.classification().category()).isEqualTo(FailureCategory.HOST);
        assertThat(failure.classification().rule()).startsWith("host.io ");
        assertThat(result.scenarios().get(0).steps()).hasSize(2);
    }

    @Test
    void run_exportFolderIsAFile_hostIoFailureNamingTheExportFolder() throws Exception {
        GateResult result = fixture.run(
                """
                format = 1
                [[scenario]]
                name = "exp"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "block"
                  run = "rm -rf ${smoke.export}; echo not a folder > ${smoke.export}; echo blocked"
                  expect.stdout.contains = ["blocked"]
                  [[scenario.step]]
                  name = "export"
                  export.diff = "changes.diff"
                  expect.stdout.contains = ["changes"]
                """);

        StepFailure failure = failure(result);
        assertThat(failure.step()).isEqualTo("export");
        assertThat(failure.expectation()).isEqualTo("expected the gate to read and write its files");
        assertThat(failure.seen())
                .isEqualTo("export could not write under target/smoke/exp/export: "
                        + fixture.project().resolve("target/smoke/exp/export")
                        + ". Check free disk space and permissions.");
        assertThat(failure.classification().category()).isEqualTo(FailureCategory.HOST);
        assertThat(failure.classification().rule()).startsWith("host.io ");
        assertThat(failure.log()).isEqualTo(fixture.project().resolve("target/smoke/exp/02-export.log"));
        assertThat(failure.log())
                .content()
                .isEqualTo("java.nio.file.FileAlreadyExistsException: "
                        + fixture.project().resolve("target/smoke/exp/export") + "\n");
    }

    @Test
    void run_patchStepCheckFails_runtimeOutputWithThePatchLog() throws Exception {
        GateResult result = fixture.run(
                """
                format = 1
                [[scenario]]
                name = "p"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "patch"
                  patch = "${fixture.patches}/greeting.diff"
                  expect.stdout.contains = ["Nothing.java"]
                """);

        StepFailure failure = failure(result);
        assertThat(failure.step()).isEqualTo("patch");
        assertThat(failure.command()).isNull();
        assertThat(failure.exitCode()).isNull();
        assertThat(failure.expectation()).isEqualTo("expected stdout to contain 'Nothing.java'");
        long bytes = Files.size(fixture.project().resolve("target/smoke/p/01-patch.stdout.log"));
        assertThat(failure.seen())
                .isEqualTo("not found in 2 lines (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes) of stdout");
        assertThat(failure.tail())
                .containsExactly(
                        "applied " + fixture.patches().resolve("greeting.diff")
                                + " to the workspace: 1 file(s) changed",
                        "  " + FixtureRepos.GREETER_SOURCE);
        assertThat(failure.classification().category()).isEqualTo(FailureCategory.RUNTIME);
        assertThat(failure.classification().rule()).startsWith("runtime.output ");
    }

    @Test
    void run_exportStepCheckFails_runtimeOutputWithTheExportLog() throws Exception {
        GateResult result = fixture.run(
                """
                format = 1
                [[scenario]]
                name = "e"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "export"
                  export.files = ["scripts/*.sh"]
                  expect.stdout.contains = ["exported 1 file(s)"]
                  expect.files.exist = ["${smoke.export}/scripts/missing.sh"]
                """);

        StepFailure failure = failure(result);
        assertThat(failure.step()).isEqualTo("export");
        assertThat(failure.command()).isNull();
        assertThat(failure.expectation())
                .isEqualTo("expected a file matching '"
                        + fixture.project().resolve("target/smoke/e/export/scripts/missing.sh") + "'");
        // As FileExistsCheckTest shows, an absolute glob's folder is shown relative to the root.
        assertThat(failure.seen())
                .isEqualTo("no match; "
                        + fixture.project().toAbsolutePath().toString().substring(1)
                        + "/target/smoke/e/export/scripts/ holds greet.sh");
        assertThat(failure.tail()).first().asString().startsWith("exported 1 file(s) matching scripts/*.sh to ");
        assertThat(failure.classification().category()).isEqualTo(FailureCategory.RUNTIME);
    }

    @Test
    void run_placeholdersInJsonExpectations_resolvedBeforeTheCheck() throws Exception {
        GateResult result = fixture.run(
                """
                format = 1
                [[scenario]]
                name = "json"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "write"
                  run = 'printf "{\\"ws\\": \\"%s\\", \\"name\\": \\"json\\"}" "$PWD" > report.json; cat report.json'
                  expect.json = { "/name" = "${smoke.scenario}" }
                  expect.files.json = { "${smoke.workspace}/report.json" = { "/ws" = "${smoke.workspace}" } }
                """);

        assertThat(result.passed()).as(fixture.log().visible().toString()).isTrue();
    }
}
