package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.fixtures.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Golden files ({@code equals-file}) as a user meets them: a real forked {@code mvn} on the sample
 * project {@code golden}, which smokes its own checkout, so its golden files ({@code
 * src/smoke/expected}) lie in the checkout the gate fingerprints. A mismatch fails with a unified
 * diff; {@code -Dsmoke.update=true} rewrites the golden file that differs (its wildcards kept) and
 * fails, asking for a review; the run after that passes.
 */
class GoldenIT {
    private static final String GREET = "src/smoke/expected/greet.txt";
    private static final String REPORT = "src/smoke/expected/report.txt";

    private static Path gitProject(String test) throws Exception {
        Path project = ForkedMaven.project("golden", test);
        GitCli.ok(project, "init", "-q", "-b", "main");
        GitCli.ok(project, "add", "pom.xml", "src");
        GitCli.ok(project, "-c", "user.name=IT", "-c", "user.email=it@example.org", "commit", "-q", "-m", "init");
        return project;
    }

    @Test
    void verify_goldenFileDiffers_failsWithTheUnifiedDiff() throws Exception {
        Path project = gitProject("differs");

        ForkedMaven.Result result = ForkedMaven.mvn(project, "verify");

        assertExit(result, 1);
        assertThat(result.lines())
                .contains("[ERROR] [smoke] FAIL greet › hello: expected stdout to equal golden file " + GREET
                        + " — log: target/smoke/greet/01-hello.log")
                .containsSubsequence(
                        "[ERROR] [smoke]   seen:      1 line differs from the golden file:",
                        "[ERROR] [smoke]              --- " + GREET,
                        "[ERROR] [smoke]              +++ stdout",
                        "[ERROR] [smoke]              @@ -1,4 +1,4 @@",
                        "[ERROR] [smoke]              -Hello, World",
                        "[ERROR] [smoke]              +Hello, Welt",
                        "[ERROR] [smoke]               took [..] ns",
                        "[ERROR] [smoke]               ...",
                        "[ERROR] [smoke]               bye")
                .noneMatch(line -> line.contains("updated"));
        JsonNode entry = Verdicts.assertFailed(result, project, "greet", "runtime", "runtime.output");
        assertThat(entry.path("steps")
                        .path(0)
                        .path("checks")
                        .path(1)
                        .path("seen")
                        .asText())
                .startsWith("1 line differs from the golden file:\n--- " + GREET + "\n+++ stdout\n");
        assertThat(project.resolve(GREET)).content().isEqualTo("Hello, World\ntook [..] ns\n...\nbye\n");
    }

    @Test
    void verify_updateThenRerun_rewritesKeepingWildcardsFailsForReviewThenPasses() throws Exception {
        Path project = gitProject("update");
        byte[] report = Files.readAllBytes(project.resolve(REPORT));

        ForkedMaven.Result update = ForkedMaven.mvn(project, "verify", "-Dsmoke.update=true");

        assertExit(update, 1);
        assertThat(update.lines())
                .contains("[WARNING] [smoke] updated " + GREET
                        + " (1 line changed); review the diff and rerun without -Dsmoke.update")
                .anyMatch(line -> line.startsWith("[ERROR] Failed to execute goal")
                        && line.endsWith(" -Dsmoke.update=true rewrote 1 golden file: " + GREET
                                + ". Review the diff, then rerun without -Dsmoke.update. -> [Help 1]"))
                .noneMatch(line -> line.contains("checkout changed"));
        assertThat(project.resolve(GREET)).content().isEqualTo("Hello, Welt\ntook [..] ns\n...\nbye\n");
        assertThat(Files.readAllBytes(project.resolve(REPORT)))
                .as("the golden file that matched")
                .isEqualTo(report);
        assertThat(GitCli.ok(project, "status", "--porcelain", "--", "src")).isEqualTo(" M " + GREET + "\n");

        ForkedMaven.Result rerun = ForkedMaven.mvn(project, "verify");

        assertExit(rerun, 0);
        assertThat(rerun.smokeLines()).anySatisfy(passLine("greet"));
        assertThat(rerun.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
    }
}
