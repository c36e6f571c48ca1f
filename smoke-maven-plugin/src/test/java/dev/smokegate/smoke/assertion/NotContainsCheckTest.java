package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotContainsCheckTest {

    @TempDir
    Path dir;

    @Test
    void evaluate_textAbsent_passesCountingLines() throws IOException {
        TestStep step = new TestStep(dir).stdout("[INFO] one\n[INFO] two\n[INFO] three\n");

        assertThat(new NotContainsCheck(LogStream.STDOUT, "[ERROR]").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected stdout not to contain '[ERROR]'",
                        "not found in 3 lines (35 bytes) of stdout",
                        null));
    }

    @Test
    void evaluate_textPresent_failsWithLineNumberAndLine() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 11; i++) {
            log.append("[INFO] step ").append(i).append('\n');
        }
        log.append("[ERROR] boom: compilation failed\n[INFO] after\n");
        TestStep step = new TestStep(dir).stdout(log.toString());

        assertThat(new NotContainsCheck(LogStream.STDOUT, "[ERROR]").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected stdout not to contain '[ERROR]'",
                        "found on line 12",
                        "line 12: [ERROR] boom: compilation failed"));
    }

    @Test
    void evaluate_textPresentFarIn_lineNumberCountedAcrossWindows() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            log.append(i == 1234 ? "prefix FATAL: disk full, and the rest of the line\n" : "ordinary line " + i + "\n");
        }
        TestStep step = new TestStep(dir).stderr(log.toString());

        CheckResult result = new NotContainsCheck(LogStream.STDERR, "FATAL").evaluate(step.output(), 8);

        assertThat(result.seen()).isEqualTo("found on line 1,234");
        assertThat(result.evidence()).isEqualTo("line 1,234: prefix FATAL: disk full, and the rest of the line");
    }

    @Test
    void evaluate_lineContinuesPastWindow_evidenceHasWholeLine() throws IOException {
        TestStep step = new TestStep(dir);
        String line = "[ERROR] Failed to execute goal: there were test failures";
        for (int offset = 230; offset < 280; offset++) {
            step.stdout("x".repeat(offset) + "\n" + line + "\nnext\n");

            CheckResult result = new NotContainsCheck(LogStream.STDOUT, "[ERROR]").evaluate(step.output(), 8);

            assertThat(result.evidence()).as("offset %d", offset).isEqualTo("line 2: " + line);
        }
    }

    @Test
    void evaluate_missingLog_failsBecauseAbsenceIsNotShown() throws IOException {
        TestStep step = new TestStep(dir);

        assertThat(new NotContainsCheck(LogStream.STDERR, "x").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected stderr not to contain 'x'",
                        "stderr log " + step.logs.stderr() + " does not exist",
                        null));
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new NotContainsCheck(LogStream.STDOUT, "[ERROR]")).hasToString("stdout does not contain '[ERROR]'");
    }
}
