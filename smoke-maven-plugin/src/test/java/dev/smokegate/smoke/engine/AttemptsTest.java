package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ServiceTail;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries ({@code smoke.retries}) through the engine, with real processes: only host failures are
 * run again, each attempt is kept in its own folder, and the result points at the files.
 */
@Timeout(120)
class AttemptsTest {
    /**
     * A step that fails like a dropped download the first time (it leaves a marker outside the
     * workspace, which a fresh workspace does not reset) and passes the next time.
     */
    private static final String FLAKY_DOWNLOAD =
            """
            format = 1
            [[scenario]]
            name = "flaky"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "fetch"
              run = '''
            if [ -f "${marker}" ]; then echo "downloaded lib-1.0.jar"; else
              touch "${marker}"
              echo "[ERROR] Could not transfer artifact org.example:lib:jar:1.0 from/to central (https://repo.example.org/maven2): Connection timed out"
              exit 1
            fi'''
              expect.stdout.contains = ["downloaded"]
            """;

    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws IOException {
        fixture = EngineFixture.greeter(tmp)
                .withProperty("marker", tmp.resolve("download-attempted").toString());
    }

    private ScenarioResult run(String manifest, int retries) throws Exception {
        return fixture.run(manifest, request -> request.retries(retries))
                .scenarios()
                .get(0);
    }

    private static String scenario(String name, String run) {
        return """
                format = 1
                [[scenario]]
                name = "%s"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "go"
                  run = "%s"
                  expect.stdout.contains = ["never printed"]
                """
                .formatted(name, run);
    }

    @Test
    void run_hostFailureThenPass_passWithTheFirstAttemptKeptAndPointedAt() throws Exception {
        ScenarioResult result = run(FLAKY_DOWNLOAD, 2);

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.attempts()).isEqualTo(2);
        ScenarioResult first = result.earlierAttempts().get(0);
        assertThat(first.status()).isEqualTo(Status.FAIL);
        assertThat(first.failure().classification().rule()).startsWith("host.network ");
        Path kept = fixture.workDirectory().resolve("flaky/attempt-1/01-fetch.log");
        assertThat(first.failure().log()).isEqualTo(kept);
        assertThat(kept).content().contains("Could not transfer artifact");
        assertThat(first.steps().get(0).logs()).first().isEqualTo(kept);
        assertThat(fixture.workDirectory().resolve("flaky/01-fetch.log"))
                .content()
                .contains("downloaded lib-1.0.jar");
        assertThat(fixture.workDirectory().resolve("flaky/workspace")).isDirectory();
        assertThat(fixture.workDirectory().resolve("flaky/attempt-1/workspace")).isDirectory();
        assertThat(fixture.workDirectory().resolve("flaky/attempt-2")).doesNotExist();
        assertThat(fixture.workDirectory().resolve(".flaky.attempt-1")).doesNotExist();
        assertThat(fixture.log().at("WARN"))
                .containsSubsequence(
                        "[smoke] RETRY flaky (host.network, attempt 2 of 3)",
                        "[smoke] flaky passed only on attempt 2 of 3: attempt 1 failed on the host (host.network)."
                                + " Their files are in target/smoke/flaky/attempt-1.");
    }

    @Test
    void run_hostFailureEveryTime_failAfterAllAttemptsEachKept() throws Exception {
        ScenarioResult result = run(scenario("missing", "no-such-tool-xyz --version"), 2);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.failure().classification().category()).isEqualTo(FailureCategory.HOST);
        assertThat(result.failure().classification().rule()).startsWith("host.command-not-found ");
        assertThat(result.failure().log()).isEqualTo(fixture.workDirectory().resolve("missing/01-go.log"));
        assertThat(result.earlierAttempts())
                .extracting(attempt -> attempt.failure().log())
                .containsExactly(
                        fixture.workDirectory().resolve("missing/attempt-1/01-go.log"),
                        fixture.workDirectory().resolve("missing/attempt-2/01-go.log"));
        assertThat(fixture.workDirectory().resolve("missing/attempt-1/01-go.log"))
                .content()
                .contains("not found");
        assertThat(fixture.workDirectory().resolve("missing/attempt-2/01-go.log"))
                .exists();
        assertThat(fixture.log().at("WARN"))
                .containsSubsequence(
                        "[smoke] RETRY missing (host.command-not-found, attempt 2 of 3)",
                        "[smoke] RETRY missing (host.command-not-found, attempt 3 of 3)");
        assertThat(fixture.log().at("WARN")).noneMatch(line -> line.contains("passed only"));
    }

    @Test
    void run_runtimeFailure_notRetried() throws Exception {
        ScenarioResult result = run(scenario("broken", "echo nope; exit 3"), 2);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.failure().classification().rule()).startsWith("runtime.exit-code ");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(fixture.workDirectory().resolve("broken/attempt-1")).doesNotExist();
        assertThat(fixture.log().messages()).noneMatch(line -> line.contains("RETRY"));
    }

    @Test
    void run_sourceFailureByBlame_notRetried() throws Exception {
        ScenarioResult result =
                run(scenario("blamed", "echo nope; exit 3").replace("  run =", "  blame = \"source\"\n  run ="), 2);

        assertThat(result.failure().classification().rule()).startsWith("source.blame ");
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void run_hostFailureWithoutRetries_runOnce() throws Exception {
        ScenarioResult result = run(scenario("missing", "no-such-tool-xyz"), 0);

        assertThat(result.failure().classification().category()).isEqualTo(FailureCategory.HOST);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(fixture.log().messages()).noneMatch(line -> line.contains("RETRY"));
    }

    @Test
    void run_againAfterARetriedRun_earlierAttemptFoldersAreGone() throws Exception {
        run(FLAKY_DOWNLOAD, 1);
        Files.createDirectories(fixture.workDirectory().resolve(".flaky.attempt-1/stale"));

        ScenarioResult again = run(FLAKY_DOWNLOAD, 1);

        assertThat(again.attempts()).isEqualTo(1);
        assertThat(fixture.workDirectory().resolve("flaky/attempt-1")).doesNotExist();
        assertThat(fixture.workDirectory().resolve(".flaky.attempt-1")).doesNotExist();
    }

    @Test
    void rebase_failureAndServiceLogsUnderTheFolder_movedOthersKept() {
        Path from = Path.of("/w/s");
        StepFailure failure = new StepFailure(
                        "go",
                        "x",
                        1,
                        "expected exit code 0",
                        "exit code 1",
                        from.resolve("01-go.log"),
                        List.of(),
                        new Classification(FailureCategory.HOST, "host.io (r)", "e"))
                .withServices(List.of(
                        new ServiceTail("api", from.resolve("02-api.log"), List.of()),
                        new ServiceTail("db", Path.of("/elsewhere/db.log"), List.of())));
        ScenarioResult result = new ScenarioResult("s", Status.FAIL, Duration.ZERO, List.of(), failure, null);

        ScenarioResult moved = Attempts.rebase(result, from, from.resolve("attempt-1"));

        assertThat(moved.failure().log()).isEqualTo(Path.of("/w/s/attempt-1/01-go.log"));
        assertThat(moved.failure().services())
                .extracting(ServiceTail::log)
                .containsExactly(Path.of("/w/s/attempt-1/02-api.log"), Path.of("/elsewhere/db.log"));
        assertThat(moved.failure().classification()).isEqualTo(failure.classification());
    }
}
