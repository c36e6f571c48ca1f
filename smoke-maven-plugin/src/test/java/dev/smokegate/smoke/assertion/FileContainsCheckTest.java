package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FileContainsCheckTest {

    @TempDir
    Path dir;

    @Test
    void evaluate_textPresent_passesWithLine() throws IOException {
        TestStep step = new TestStep(dir).file("target/surefire.txt", "header\nTests run: 4, Failures: 0\n");

        assertThat(new FileContainsCheck("target/surefire.txt", "Failures: 0").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected file target/surefire.txt to contain 'Failures: 0'",
                        "found on line 2",
                        "line 2: Tests run: 4, Failures: 0"));
    }

    @Test
    void evaluate_textAbsent_failsCountingLinesAndBytes() throws IOException {
        TestStep step = new TestStep(dir).file("out.txt", "a\nb\n");

        assertThat(new FileContainsCheck("out.txt", "c").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected file out.txt to contain 'c'",
                        "not found in 2 lines (4 bytes) of out.txt",
                        null));
    }

    @Test
    void evaluate_textAcrossWindowBoundary_found() throws IOException {
        TestStep step = new TestStep(dir);
        for (int offset = 201; offset < 240; offset++) {
            step.file("big.txt", "-".repeat(offset) + "marker text\n");

            assertThat(new FileContainsCheck("big.txt", "marker text")
                            .evaluate(step.output(), 8)
                            .passed())
                    .as("offset %d", offset)
                    .isTrue();
        }
    }

    @Test
    void evaluate_fileMissing_failsListingItsFolder() throws IOException {
        TestStep step = new TestStep(dir).file("target/other.txt", "").dir("target/classes");

        assertThat(new FileContainsCheck("target/x.txt", "y").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected file target/x.txt to contain 'y'",
                        "target/x.txt does not exist; target/ holds classes/, other.txt",
                        null));
    }

    @Test
    void evaluate_folderMissing_namesTheTopmostMissingFolder() throws IOException {
        TestStep step = new TestStep(dir).dir("target");

        assertThat(new FileContainsCheck("out/logs/x.txt", "y")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("out/logs/x.txt does not exist; out/ does not exist, ./ holds target/");
    }

    @Test
    void evaluate_pathIsFolder_fails() throws IOException {
        TestStep step = new TestStep(dir).dir("target");

        assertThat(new FileContainsCheck("target", "y").evaluate(step.output()).seen())
                .isEqualTo("target is a folder, not a file");
    }

    @Test
    @Timeout(30)
    void evaluate_fifo_failsWithoutBlocking() throws Exception {
        TestStep step = new TestStep(dir);
        Process mkfifo =
                new ProcessBuilder("mkfifo", step.workDir.resolve("pipe").toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed");

        assertThat(new FileContainsCheck("pipe", "y").evaluate(step.output()).seen())
                .isEqualTo("pipe is not a regular file (a FIFO, socket or device)");
    }

    @Test
    void evaluate_danglingSymlink_namesTarget() throws IOException {
        TestStep step = new TestStep(dir);
        Path target = dir.resolve("gone.txt");
        Files.createSymbolicLink(step.workDir.resolve("link.txt"), target);

        assertThat(new FileContainsCheck("link.txt", "y")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("link.txt is a dangling symbolic link to " + target);
    }

    @Test
    void evaluate_symlinkLoop_failsWithReason() throws IOException {
        TestStep step = new TestStep(dir);
        Path loop = step.workDir.resolve("loop");
        Files.createSymbolicLink(loop, loop);

        assertThat(new FileContainsCheck("loop", "y").evaluate(step.output()).seen())
                .startsWith("loop cannot be read: Too many levels of symbolic links");
    }

    @Test
    void evaluate_symlinkToFile_followed() throws IOException {
        TestStep step = new TestStep(dir).file("real.txt", "hello\n");
        Files.createSymbolicLink(step.workDir.resolve("link.txt"), step.workDir.resolve("real.txt"));

        assertThat(new FileContainsCheck("link.txt", "hello")
                        .evaluate(step.output())
                        .passed())
                .isTrue();
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new FileContainsCheck("target/x.txt", "ok")).hasToString("file target/x.txt contains 'ok'");
    }
}
