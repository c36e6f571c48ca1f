package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.GoldenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenCheckTest {

    @TempDir
    Path dir;

    private GoldenFile golden(String text) throws IOException {
        Path file = dir.resolve("project/src/smoke/expected/greet.txt");
        Files.createDirectories(file.getParent());
        if (text != null) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        return new GoldenFile(file, "src/smoke/expected/greet.txt");
    }

    @Test
    void compare_stdoutMatchesWithWildcards_passesAndRewritesNothing() throws IOException {
        TestStep step = new TestStep(dir).stdout("Hello, World\ntook 12 ms\nline a\nline b\nbye\n");
        GoldenCheck check = GoldenCheck.onStream(LogStream.STDOUT, golden("Hello, [..]\ntook [..] ms\n...\nbye\n"));

        GoldenCheck.Comparison comparison = check.compare(step.output());

        assertThat(comparison.result())
                .isEqualTo(new CheckResult(
                        true,
                        "expected stdout to equal golden file src/smoke/expected/greet.txt",
                        "matches the 4 lines of the golden file",
                        null));
        assertThat(comparison.rewritten()).isNull();
    }

    @Test
    void compare_stdoutDiffers_failsWithTheUnifiedDiffAndTheTextThatKeepsWildcards() throws IOException {
        TestStep step = new TestStep(dir).stdout("Hello, Welt\ntook 12 ms\nline a\nbye\n");
        GoldenCheck check = GoldenCheck.onStream(LogStream.STDOUT, golden("Hello, World\ntook [..] ms\n...\nbye\n"));

        GoldenCheck.Comparison comparison = check.compare(step.output());

        assertThat(comparison.result())
                .isEqualTo(new CheckResult(
                        false,
                        "expected stdout to equal golden file src/smoke/expected/greet.txt",
                        String.join(
                                "\n",
                                "1 line differs from the golden file:",
                                "--- src/smoke/expected/greet.txt",
                                "+++ stdout",
                                "@@ -1,4 +1,4 @@",
                                "-Hello, World",
                                "+Hello, Welt",
                                " took [..] ms",
                                " ...",
                                " bye"),
                        "-Hello, World"));
        assertThat(comparison.rewritten()).isEqualTo("Hello, Welt\ntook [..] ms\n...\nbye\n");
        assertThat(comparison.changed()).isEqualTo(1);
    }

    @Test
    void compare_crlfGoldenFileAndLfOutput_matches() throws IOException {
        TestStep step = new TestStep(dir).stdout("a\nb\n");

        assertThat(GoldenCheck.onStream(LogStream.STDOUT, golden("a\r\nb\r\n"))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
    }

    @Test
    void compare_crlfGoldenFileDiffers_rewrittenInCrlf() throws IOException {
        TestStep step = new TestStep(dir).stdout("a\nc\n");

        GoldenCheck.Comparison comparison =
                GoldenCheck.onStream(LogStream.STDOUT, golden("a\r\nb\r\n")).compare(step.output());

        assertThat(comparison.rewritten()).isEqualTo("a\r\nc\r\n");
    }

    @Test
    void compare_goldenFileWithoutFinalLineBreakDiffers_rewrittenWithoutOne() throws IOException {
        TestStep step = new TestStep(dir).stdout("a\nc\n");

        GoldenCheck.Comparison comparison =
                GoldenCheck.onStream(LogStream.STDOUT, golden("a\nb")).compare(step.output());

        assertThat(comparison.rewritten()).isEqualTo("a\nc");
    }

    @Test
    void compare_outputWithoutFinalLineBreak_matchesGoldenFileWithOne() throws IOException {
        TestStep step = new TestStep(dir).stdout("a\nb");

        assertThat(GoldenCheck.onStream(LogStream.STDOUT, golden("a\nb\n"))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
    }

    @Test
    void compare_emptyGoldenFileAndEmptyOutput_matches() throws IOException {
        TestStep step = new TestStep(dir).stderr("");

        assertThat(GoldenCheck.onStream(LogStream.STDERR, golden("")).evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected stderr to equal golden file src/smoke/expected/greet.txt",
                        "matches the 0 lines of the golden file",
                        null));
    }

    @Test
    void compare_emptyGoldenFileAndSomeOutput_failsAddingEveryLine() throws IOException {
        TestStep step = new TestStep(dir).stderr("warning: x\n");

        GoldenCheck.Comparison comparison =
                GoldenCheck.onStream(LogStream.STDERR, golden("")).compare(step.output());

        assertThat(comparison.result().seen())
                .isEqualTo(String.join(
                        "\n",
                        "1 line differs from the golden file:",
                        "--- src/smoke/expected/greet.txt",
                        "+++ stderr",
                        "@@ -1,0 +1,1 @@",
                        "+warning: x"));
        assertThat(comparison.rewritten()).isEqualTo("warning: x\n");
    }

    @Test
    void compare_goldenFileMissing_failsAndRewritesTheWholeOutput() throws IOException {
        TestStep step = new TestStep(dir).combined("one\ntwo\n");

        GoldenCheck.Comparison comparison =
                GoldenCheck.onStream(LogStream.OUTPUT, golden(null)).compare(step.output());

        assertThat(comparison.result())
                .isEqualTo(new CheckResult(
                        false,
                        "expected output to equal golden file src/smoke/expected/greet.txt",
                        "golden file src/smoke/expected/greet.txt does not exist; output has 2 lines",
                        null));
        assertThat(comparison.rewritten()).isEqualTo("one\ntwo\n");
        assertThat(comparison.changed()).isEqualTo(2);
    }

    @Test
    void compare_goldenFileIsAFolder_failsWithoutRewriting() throws IOException {
        TestStep step = new TestStep(dir).stdout("x\n");
        Path folder = Files.createDirectories(dir.resolve("expected"));

        GoldenCheck.Comparison comparison = GoldenCheck.onStream(
                        LogStream.STDOUT, new GoldenFile(folder, "src/smoke/expected"))
                .compare(step.output());

        assertThat(comparison.result().seen()).isEqualTo("golden file src/smoke/expected is a folder, not a file");
        assertThat(comparison.rewritten()).isNull();
    }

    @Test
    void compare_manyChangedLines_diffCutAfterTheLimit() throws IOException {
        TestStep step = new TestStep(dir).stdout("new\n".repeat(300));

        String seen = GoldenCheck.onStream(LogStream.STDOUT, golden("old\n".repeat(300)))
                .evaluate(step.output())
                .seen();

        assertThat(seen.lines().count()).isEqualTo(1 + GoldenCheck.MAX_DIFF_LINES + 1);
        assertThat(seen).startsWith("300 lines differ from the golden file:\n");
        assertThat(seen).endsWith("\n… 403 more lines of diff");
    }

    @Test
    void compare_fileInTheWorkingDirectoryMatches_passes() throws IOException {
        TestStep step = new TestStep(dir).file("target/report.txt", "total: 3\n");
        GoldenCheck check = GoldenCheck.onFile("target/report.txt", golden("total: [..]\n"));

        assertThat(check.evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected file target/report.txt to equal golden file src/smoke/expected/greet.txt",
                        "matches the 1 line of the golden file",
                        null));
        assertThat(check).hasToString("file target/report.txt equals golden file src/smoke/expected/greet.txt");
    }

    @Test
    void compare_fileInTheWorkingDirectoryDiffers_diffNamesTheFile() throws IOException {
        TestStep step = new TestStep(dir).file("target/report.txt", "total: 4\n");

        String seen = GoldenCheck.onFile("target/report.txt", golden("total: 3\n"))
                .evaluate(step.output())
                .seen();

        assertThat(seen)
                .isEqualTo(String.join(
                        "\n",
                        "1 line differs from the golden file:",
                        "--- src/smoke/expected/greet.txt",
                        "+++ target/report.txt",
                        "@@ -1,1 +1,1 @@",
                        "-total: 3",
                        "+total: 4"));
    }

    @Test
    void compare_fileMissing_failsListingItsFolderAndRewritesNothing() throws IOException {
        TestStep step = new TestStep(dir).file("target/other.txt", "");

        GoldenCheck.Comparison comparison =
                GoldenCheck.onFile("target/report.txt", golden("x\n")).compare(step.output());

        assertThat(comparison.result().passed()).isFalse();
        assertThat(comparison.result().seen()).isEqualTo("target/report.txt does not exist; target/ holds other.txt");
        assertThat(comparison.rewritten()).isNull();
    }

    @Test
    void toString_stream_readsAsASentence() throws IOException {
        assertThat(GoldenCheck.onStream(LogStream.STDERR, golden("")))
                .hasToString("stderr equals golden file src/smoke/expected/greet.txt");
    }
}
