package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams a generated log of about 200 MiB (many windows of the default size, multi-byte UTF-8 on
 * every line) through the text checks and asserts what they report. Correctness only: speed and
 * memory are measured by benchmarks, not here; the timeout only guards against a hang.
 */
@Timeout(300)
class LargeLogTest {

    private static final int LINES = 3_300_000;
    private static final int ERROR_LINE = 3_000_000;
    private static final String ERROR = "[ERROR] Tests run: 42, Failures: 3 (Müller)";

    @TempDir
    static Path dir;

    private static TestStep step;

    @BeforeAll
    static void writeLog() throws IOException {
        step = new TestStep(dir);
        byte[] template = "line 0000000: [INFO] Grüße, ordinary build output here, nothing to see\n"
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(step.logs.stdout()), 1 << 20)) {
            for (int n = 1; n <= LINES; n++) {
                if (n == ERROR_LINE) {
                    out.write((ERROR + "\n").getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                int value = n;
                for (int i = 11; i >= 5; i--) {
                    template[i] = (byte) ('0' + value % 10);
                    value /= 10;
                }
                out.write(template);
            }
            out.write("the very last line".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(step.logs.stdout())).isGreaterThan(200L * 1024 * 1024);
    }

    @Test
    void contains_deepInLargeLog_foundWithLineNumber() {
        assertThat(new ContainsCheck(LogStream.STDOUT, "Failures: 3").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected stdout to contain 'Failures: 3'",
                        "found on line 3,000,000",
                        "line 3,000,000: " + ERROR));
    }

    @Test
    void contains_lastLineWithoutNewline_found() {
        assertThat(new ContainsCheck(LogStream.STDOUT, "the very last line")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("found on line 3,300,001");
    }

    @Test
    void matches_deepInLargeLog_foundWithLineNumber() {
        CheckResult result = new MatchesCheck(LogStream.STDOUT, "^\\[ERROR] Tests run: \\d+, Failures: [1-9]\\d*")
                .evaluate(step.output());

        assertThat(result.seen()).isEqualTo("matched '[ERROR] Tests run: 42, Failures: 3' on line 3,000,000");
        assertThat(result.evidence()).isEqualTo("line 3,000,000: " + ERROR);
    }

    @Test
    void notContains_absentText_countsEveryLineAndByte() throws IOException {
        long bytes = Files.size(step.logs.stdout());

        assertThat(new NotContainsCheck(LogStream.STDOUT, "FATAL").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected stdout not to contain 'FATAL'",
                        "not found in 3,300,001 lines (" + String.format(Locale.ROOT, "%,d", bytes)
                                + " bytes) of stdout",
                        null));
    }
}
