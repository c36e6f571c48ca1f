package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.fixtures.FixtureRepos;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retries ({@code -Dsmoke.retries=2}) as a user meets them: a real forked {@code mvn} on the sample
 * project {@code retries}. Only a host failure is run again; every attempt is kept in its own folder
 * and has its own entry in the JSON summary.
 */
class RetriesIT {
    private static Path checkout;

    @BeforeAll
    static void fixtures() throws Exception {
        checkout = FixtureRepos.greeter(ForkedMaven.scratch("retries").resolve("greeter"));
    }

    private static ForkedMaven.Result verify(Path project, String scenario) throws Exception {
        return ForkedMaven.mvn(
                project,
                "verify",
                "-Dfixture.checkout=" + checkout,
                "-Dsmoke.retries=2",
                "-Dsmoke.scenario=" + scenario);
    }

    @Test
    void verify_hostFailureThatGoesAway_passOnAttempt2WithAWarningAndBothAttemptsInTheJson() throws Exception {
        Path project = ForkedMaven.project("retries", "host-then-pass");

        ForkedMaven.Result result = verify(project, "flaky-download");

        assertExit(result, 0);
        assertThat(result.lines())
                .contains("[WARNING] [smoke] RETRY flaky-download (host.network, attempt 2 of 3)")
                .contains("[WARNING] [smoke] flaky-download passed only on attempt 2 of 3: attempt 1 failed on the"
                        + " host (host.network). Their files are in target/smoke/flaky-download/attempt-1.");
        assertThat(result.smokeLines()).anySatisfy(passLine("flaky-download"));
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
        assertThat(project.resolve("target/smoke/flaky-download/attempt-1/01-fetch.log"))
                .content()
                .contains("Could not transfer artifact org.example:lib:jar:1.0");
        assertThat(project.resolve("target/smoke/flaky-download/01-fetch.log"))
                .content()
                .contains("downloaded lib-1.0.jar");
        assertThat(project.resolve("target/smoke/TEST-smoke.xml"))
                .content()
                .contains("tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\"");
        JsonNode entry = Verdicts.summaryEntry(project, "flaky-download");
        assertThat(entry.path("status").asText()).isEqualTo("PASS");
        assertThat(entry.path("attempts").asInt()).isEqualTo(2);
        JsonNode first = entry.path("previousAttempts").path(0);
        assertThat(entry.path("previousAttempts")).hasSize(1);
        assertThat(first.path("attempt").asInt()).isEqualTo(1);
        assertThat(first.path("status").asText()).isEqualTo("FAIL");
        assertThat(first.path("category").asText()).isEqualTo("host");
        assertThat(first.path("rule").asText()).isEqualTo("host.network");
        assertThat(first.path("folder").asText()).isEqualTo("target/smoke/flaky-download/attempt-1");
        assertThat(first.path("steps").path(0).path("logs").path(0).asText())
                .isEqualTo("target/smoke/flaky-download/attempt-1/01-fetch.log");
    }

    @Test
    void verify_hostFailureEveryTime_failHostAfterThreeAttemptsEachKept() throws Exception {
        Path project = ForkedMaven.project("retries", "host-every-time");

        ForkedMaven.Result result = verify(project, "missing-tool");

        assertExit(result, 1);
        assertThat(result.lines())
                .containsSubsequence(
                        "[WARNING] [smoke] RETRY missing-tool (host.command-not-found, attempt 2 of 3)",
                        "[WARNING] [smoke] RETRY missing-tool (host.command-not-found, attempt 3 of 3)");
        JsonNode entry = Verdicts.assertFailed(result, project, "missing-tool", "host", "host.command-not-found");
        assertThat(entry.path("attempts").asInt()).isEqualTo(3);
        assertThat(entry.path("previousAttempts")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode attempt = entry.path("previousAttempts").path(i);
            assertThat(attempt.path("attempt").asInt()).isEqualTo(i + 1);
            assertThat(attempt.path("rule").asText()).isEqualTo("host.command-not-found");
            assertThat(attempt.path("folder").asText()).isEqualTo("target/smoke/missing-tool/attempt-" + (i + 1));
            assertThat(project.resolve("target/smoke/missing-tool/attempt-" + (i + 1) + "/01-tool.log"))
                    .content()
                    .contains("not found");
        }
        assertThat(project.resolve("target/smoke/missing-tool/01-tool.log")).exists();
        assertThat(project.resolve("target/smoke/missing-tool/attempt-3")).doesNotExist();
    }

    @Test
    void verify_runtimeFailure_notRetried() throws Exception {
        Path project = ForkedMaven.project("retries", "runtime-once");

        ForkedMaven.Result result = verify(project, "wrong-exit");

        assertExit(result, 1);
        assertThat(result.lines()).noneMatch(line -> line.contains("RETRY"));
        JsonNode entry = Verdicts.assertFailed(result, project, "wrong-exit", "runtime", "runtime.exit-code");
        assertThat(entry.path("attempts").asInt()).isEqualTo(1);
        assertThat(entry.path("previousAttempts")).isEmpty();
        assertThat(project.resolve("target/smoke/wrong-exit/attempt-1")).doesNotExist();
    }
}
