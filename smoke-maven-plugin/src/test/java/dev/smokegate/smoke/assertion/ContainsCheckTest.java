package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainsCheckTest {

    @TempDir
    Path dir;

    @Test
    void evaluate_textPresent_passesWithLine() throws IOException {
        TestStep step = new TestStep(dir).stdout("[INFO] Building\n[INFO] BUILD SUCCESS in 3s\n");

        assertThat(new ContainsCheck(LogStream.STDOUT, "BUILD SUCCESS").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected stdout to contain 'BUILD SUCCESS'",
                        "found on line 2",
                        "line 2: [INFO] BUILD SUCCESS in 3s"));
    }

    @Test
    void evaluate_textAbsent_failsCountingLinesAndBytes() throws IOException {
        TestStep step = new TestStep(dir).stdout("one\ntwo\nthree");

        assertThat(new ContainsCheck(LogStream.STDOUT, "BUILD SUCCESS").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected stdout to contain 'BUILD SUCCESS'",
                        "not found in 3 lines (13 bytes) of stdout",
                        null));
    }

    @Test
    void evaluate_eachStream_readsItsOwnLog() throws IOException {
        TestStep step = new TestStep(dir).stdout("out\n").stderr("err\n").combined("out\nerr\n");

        assertThat(new ContainsCheck(LogStream.STDERR, "out")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("not found in 1 line (4 bytes) of stderr");
        assertThat(new ContainsCheck(LogStream.STDERR, "err")
                        .evaluate(step.output())
                        .passed())
                .isTrue();
        assertThat(new ContainsCheck(LogStream.OUTPUT, "err")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("found on line 2");
    }

    @Test
    void evaluate_emptyLog_saysEmpty() throws IOException {
        TestStep step = new TestStep(dir).stdout("");

        assertThat(new ContainsCheck(LogStream.STDOUT, "x")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("stdout is empty");
    }

    @Test
    void evaluate_missingLog_failsNamingIt() throws IOException {
        TestStep step = new TestStep(dir);

        assertThat(new ContainsCheck(LogStream.STDOUT, "x").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected stdout to contain 'x'",
                        "stdout log " + step.logs.stdout() + " does not exist",
                        null));
    }

    @Test
    void evaluate_textAcrossWindowBoundary_foundAtEveryOffset() throws IOException {
        TestStep step = new TestStep(dir);
        String needle = "Tests run: 4, Failures: 1";
        for (int offset = 201; offset < 261; offset++) {
            step.stdout("x".repeat(offset) + needle + "y".repeat(30));

            CheckResult result = new ContainsCheck(LogStream.STDOUT, needle).evaluate(step.output(), 8);

            assertThat(result.passed()).as("offset %d", offset).isTrue();
            assertThat(result.evidence())
                    .as("offset %d", offset)
                    .isEqualTo("line 1: ..." + "x".repeat(200) + needle + "y".repeat(30));
        }
    }

    @Test
    void evaluate_textLongerThanWindow_found() throws IOException {
        String needle = "a needle much longer than the window of four characters";
        TestStep step = new TestStep(dir).stdout("z".repeat(1000) + "\n" + needle + "\n");

        assertThat(new ContainsCheck(LogStream.STDOUT, needle)
                        .evaluate(step.output(), 4)
                        .seen())
                .isEqualTo("found on line 2");
    }

    @Test
    void evaluate_manyWindows_countsLinesAcrossThem() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            log.append(i == 437 ? "needle here\n" : "line " + i + "\n");
        }
        TestStep step = new TestStep(dir).stdout(log.toString());

        CheckResult result = new ContainsCheck(LogStream.STDOUT, "needle").evaluate(step.output(), 8);

        assertThat(result.seen()).isEqualTo("found on line 437");
        assertThat(result.evidence()).isEqualTo("line 437: needle here");
        assertThat(new ContainsCheck(LogStream.STDOUT, "absent")
                        .evaluate(step.output(), 8)
                        .seen())
                .isEqualTo("not found in 500 lines (" + String.format(Locale.ROOT, "%,d", log.length())
                        + " bytes) of stdout");
    }

    @Test
    void evaluate_malformedUtf8_replacedAndStillSearched() throws IOException {
        TestStep step = new TestStep(dir);
        Files.write(step.logs.stdout(), new byte[] {'b', 'a', 'd', (byte) 0xC3, ' ', 'o', 'k', '\n'});

        assertThat(new ContainsCheck(LogStream.STDOUT, "ok")
                        .evaluate(step.output())
                        .evidence())
                .isEqualTo("line 1: bad\uFFFD ok");
    }

    @Test
    void evaluate_textWithTabAndNewline_shownEscaped() throws IOException {
        TestStep step = new TestStep(dir).stdout("a\tb\nc\n");

        CheckResult result = new ContainsCheck(LogStream.STDOUT, "b\nc").evaluate(step.output());

        assertThat(result.expectation()).isEqualTo("expected stdout to contain 'b\\nc'");
        assertThat(result.evidence()).isEqualTo("line 1: a\\tb\\nc");
    }

    @Test
    void evaluate_crlfLog_evidenceWithoutCarriageReturn() throws IOException {
        TestStep step = new TestStep(dir).stdout("first\r\nBUILD SUCCESS\r\n");

        assertThat(new ContainsCheck(LogStream.STDOUT, "BUILD")
                        .evaluate(step.output())
                        .evidence())
                .isEqualTo("line 2: BUILD SUCCESS");
    }

    @Test
    void evaluate_veryLongLine_evidenceCutAroundMatch() throws IOException {
        TestStep step = new TestStep(dir).stdout("a".repeat(5000) + "NEEDLE" + "b".repeat(5000) + "\n");

        assertThat(new ContainsCheck(LogStream.STDOUT, "NEEDLE")
                        .evaluate(step.output())
                        .evidence())
                .isEqualTo("line 1: ..." + "a".repeat(200) + "NEEDLE" + "b".repeat(200) + "...");
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new ContainsCheck(LogStream.OUTPUT, "BUILD SUCCESS")).hasToString("output contains 'BUILD SUCCESS'");
    }
}
