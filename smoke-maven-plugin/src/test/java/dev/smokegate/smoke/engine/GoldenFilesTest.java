package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.smokegate.fixtures.GitCli;
import dev.smokegate.smoke.model.CheckRecord;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files end to end, without Maven: a project that smokes its own checkout ({@code
 * source.checkout = "."}), its golden files committed under {@code src/smoke/expected}, so they lie
 * inside the checkout the gate fingerprints before and after the run.
 */
@Timeout(120)
class GoldenFilesTest {
    private static final String MANIFEST =
            """
            format = 1
            [[scenario]]
            name = "greet"
            source.checkout = "."
              [[scenario.step]]
              name = "hello"
              run = "echo 'Hello, Welt'; echo 'took 12 ms'; echo 'loading'; echo bye; echo 'warning: old' >&2"
              expect.stdout.equals-file = "expected/greet.txt"
              expect.stderr.equals-file = "expected/greet-err.txt"
            """;

    @TempDir
    Path tmp;

    private EngineFixture fixture;
    private Path golden;
    private Path goldenErr;

    @BeforeEach
    void project() throws Exception {
        fixture = EngineFixture.project(tmp);
        Path project = fixture.project();
        golden = project.resolve("src/smoke/expected/greet.txt");
        goldenErr = project.resolve("src/smoke/expected/greet-err.txt");
        Files.createDirectories(golden.getParent());
        Files.writeString(fixture.manifest(), MANIFEST, StandardCharsets.UTF_8);
        Files.writeString(golden, "Hello, World\ntook [..] ms\n...\nbye\n", StandardCharsets.UTF_8);
        Files.writeString(goldenErr, "warning: [..]\n", StandardCharsets.UTF_8);
        GitCli.ok(project, "init", "-q", "-b", "main");
        GitCli.ok(project, "add", "-A");
        GitCli.ok(project, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "init");
    }

    @Test
    void run_goldenFileDiffers_failsWithTheDiffInTheReportAndTheConsole() throws Exception {
        GateResult result = fixture.run();

        assertThat(result.passed()).isFalse();
        ScenarioResult greet = result.scenarios().get(0);
        assertThat(greet.status()).isEqualTo(Status.FAIL);
        assertThat(greet.failure().expectation())
                .isEqualTo("expected stdout to equal golden file src/smoke/expected/greet.txt");
        String diff = String.join(
                "\n",
                "1 line differs from the golden file:",
                "--- src/smoke/expected/greet.txt",
                "+++ stdout",
                "@@ -1,4 +1,4 @@",
                "-Hello, World",
                "+Hello, Welt",
                " took [..] ms",
                " ...",
                " bye");
        assertThat(greet.failure().seen()).isEqualTo(diff);
        assertThat(greet.failure().classification().ruleId()).isEqualTo("runtime.output");
        assertThat(fixture.log().visible())
                .containsSubsequence(
                        "[smoke]   expected:  stdout to equal golden file src/smoke/expected/greet.txt",
                        "[smoke]   seen:      1 line differs from the golden file:",
                        "[smoke]              --- src/smoke/expected/greet.txt",
                        "[smoke]              +++ stdout",
                        "[smoke]              @@ -1,4 +1,4 @@",
                        "[smoke]              -Hello, World",
                        "[smoke]              +Hello, Welt",
                        "[smoke]               took [..] ms",
                        "[smoke]               ...",
                        "[smoke]               bye");
        assertThat(greet.steps().get(0).checks())
                .as("without update mode the first failed check ends the step")
                .extracting(CheckRecord::check)
                .containsExactly("exit code is 0", "stdout equals golden file src/smoke/expected/greet.txt");
        assertThat(fixture.project().resolve("target/smoke/TEST-smoke.xml"))
                .content()
                .contains("message=\"runtime.output: expected stdout to equal golden file"
                        + " src/smoke/expected/greet.txt; seen: 1 line differs from the golden file:"
                        + " --- src/smoke/expected/greet.txt +++ stdout @@ -1,4 +1,4 @@ -Hello, World +Hello, Welt"
                        + " took [..] ms ... bye\"")
                .contains("seen: 1 line differs from the golden file:\n--- src/smoke/expected/greet.txt\n");
        assertThat(golden).content().isEqualTo("Hello, World\ntook [..] ms\n...\nbye\n");
    }

    @Test
    void run_updateMode_rewritesAfterTheFingerprintKeepingWildcardsAndDoesNotPass() throws Exception {
        Files.setLastModifiedTime(goldenErr, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
        byte[] errBefore = Files.readAllBytes(goldenErr);

        GateResult result = fixture.run(fixture.request().update(true).build());

        assertThat(result.passed()).isFalse();
        assertThat(result.checkoutChanges())
                .as("the rewrite comes after the second fingerprint, so it is not a change the gate made")
                .isEmpty();
        assertThat(result.goldenUpdates()).containsExactly("src/smoke/expected/greet.txt");
        assertThat(golden).content().isEqualTo("Hello, Welt\ntook [..] ms\n...\nbye\n");
        assertThat(Files.readAllBytes(goldenErr))
                .as("a golden file that matched")
                .isEqualTo(errBefore);
        assertThat(Files.getLastModifiedTime(goldenErr))
                .isEqualTo(FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
        assertThat(fixture.log().lines())
                .contains("WARN [smoke] updated src/smoke/expected/greet.txt (1 line changed); review the diff and"
                        + " rerun without -Dsmoke.update");
        assertThat(SmokeEngine.failureMessage(fixture.request().update(true).build(), result))
                .endsWith(" -Dsmoke.update=true rewrote 1 golden file: src/smoke/expected/greet.txt. Review the"
                        + " diff, then rerun without -Dsmoke.update.");

        GateResult rerun = fixture.run();

        assertThat(rerun.passed()).as(fixture.log().visible().toString()).isTrue();
        assertThat(rerun.checkoutChanges()).isEmpty();
    }

    @Test
    void run_updateModeTwoGoldenFilesOfOneStepDiffer_bothRewrittenInOneRun() throws Exception {
        Files.writeString(goldenErr, "error: [..]\n", StandardCharsets.UTF_8);

        GateResult result = fixture.run(fixture.request().update(true).build());

        assertThat(result.goldenUpdates())
                .containsExactly("src/smoke/expected/greet-err.txt", "src/smoke/expected/greet.txt");
        assertThat(goldenErr).content().isEqualTo("warning: old\n");
        assertThat(result.scenarios().get(0).steps().get(0).checks())
                .extracting(CheckRecord::check, CheckRecord::passed)
                .containsExactly(
                        tuple("exit code is 0", true),
                        tuple("stdout equals golden file src/smoke/expected/greet.txt", false),
                        tuple("stderr equals golden file src/smoke/expected/greet-err.txt", false));
        assertThat(fixture.run().passed())
                .as(fixture.log().visible().toString())
                .isTrue();
    }

    @Test
    void run_updateModeGoldenFileMissing_createdFromTheOutput() throws Exception {
        Files.delete(golden);

        GateResult result = fixture.run(fixture.request().update(true).build());

        assertThat(result.passed()).isFalse();
        assertThat(result.checkoutChanges()).isEmpty();
        assertThat(golden).content().isEqualTo("Hello, Welt\ntook 12 ms\nloading\nbye\n");
        assertThat(fixture.log().lines())
                .contains("WARN [smoke] created src/smoke/expected/greet.txt (4 lines); review the diff and rerun"
                        + " without -Dsmoke.update");
    }

    @Test
    void run_updateModeEverythingMatches_passesAndWritesNothing() throws Exception {
        Files.writeString(golden, "Hello, [..]\r\ntook [..] ms\r\n...\r\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(golden);

        GateResult result = fixture.run(fixture.request().update(true).build());

        assertThat(result.passed()).as(fixture.log().visible().toString()).isTrue();
        assertThat(result.goldenUpdates()).isEmpty();
        assertThat(Files.readAllBytes(golden)).isEqualTo(before);
        assertThat(fixture.log().messages()).noneMatch(line -> line.contains("updated"));
    }

    @Test
    void run_updateModeHostFailureRetriedAndLastAttemptMatches_writesNothingFromTheEarlierAttempt() throws Exception {
        Path count = tmp.resolve("attempts");
        Files.writeString(
                fixture.manifest(),
                """
                format = 1
                [[scenario]]
                name = "greet"
                source.checkout = "."
                  [[scenario.step]]
                  name = "hello"
                  run = "n=$(cat %1$s 2>/dev/null || echo 0); echo $((n+1)) > %1$s; if [ $n = 0 ]; then echo 'Hello, Flaky'; else echo 'Hello, World'; fi; echo 'took 3 ms'; echo bye; if [ $n = 0 ]; then no-such-tool-4711; fi"
                  expect.stdout.equals-file = "expected/greet.txt"
                """
                        .formatted(count),
                StandardCharsets.UTF_8);
        GitCli.ok(fixture.project(), "add", "-A");
        GitCli.ok(
                fixture.project(),
                "-c",
                "user.name=T",
                "-c",
                "user.email=t@example.org",
                "commit",
                "-q",
                "-m",
                "retry");
        byte[] before = Files.readAllBytes(golden);

        GateResult result =
                fixture.run(fixture.request().update(true).retries(1).build());

        ScenarioResult greet = result.scenarios().get(0);
        assertThat(greet.earlierAttempts())
                .as(fixture.log().visible().toString())
                .hasSize(1);
        assertThat(greet.status()).isEqualTo(Status.PASS);
        assertThat(result.goldenUpdates()).isEmpty();
        assertThat(Files.readAllBytes(golden))
                .as("the first attempt's 'Hello, Flaky' is not written")
                .isEqualTo(before);
        assertThat(result.passed()).isTrue();
    }
}
