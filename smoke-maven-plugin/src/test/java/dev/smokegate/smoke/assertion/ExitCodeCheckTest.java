package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodeCheckTest {

    @TempDir
    Path dir;

    @Test
    void evaluate_expectedCode_passes() throws IOException {
        TestStep step = new TestStep(dir).combined("ok\n");

        assertThat(new ExitCodeCheck(0).evaluate(step.output(0)))
                .isEqualTo(new CheckResult(true, "expected exit code 0", "exit code 0", null));
    }

    @Test
    void evaluate_otherCode_failsQuotingLastNonBlankLine() throws IOException {
        TestStep step = new TestStep(dir).combined("building\nsh: 1: mvnw: not found\n\n  \n");

        assertThat(new ExitCodeCheck(0).evaluate(step.output(127)))
                .isEqualTo(new CheckResult(
                        false, "expected exit code 0", "exit code 127 (command not found)", "sh: 1: mvnw: not found"));
    }

    @Test
    void evaluate_killedBySignal_namesTheSignal() throws IOException {
        TestStep step = new TestStep(dir).combined("[smoke] killed after 5.0 s: step timeout reached\n");

        assertThat(new ExitCodeCheck(0).evaluate(step.output(143)))
                .isEqualTo(new CheckResult(
                        false,
                        "expected exit code 0",
                        "exit code 143 (128+15: killed by SIGTERM)",
                        "[smoke] killed after 5.0 s: step timeout reached"));
    }

    @Test
    void evaluate_nonZeroExpected_comparesExactly() throws IOException {
        TestStep step = new TestStep(dir).combined("");

        assertThat(new ExitCodeCheck(1).evaluate(step.output(1)).passed()).isTrue();
        assertThat(new ExitCodeCheck(1).evaluate(step.output(0)))
                .isEqualTo(new CheckResult(false, "expected exit code 1", "exit code 0", null));
    }

    @Test
    void evaluate_noCombinedLog_failsWithoutEvidence() throws IOException {
        TestStep step = new TestStep(dir);

        assertThat(new ExitCodeCheck(0).evaluate(step.output(2)))
                .isEqualTo(new CheckResult(false, "expected exit code 0", "exit code 2", null));
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new ExitCodeCheck(0)).hasToString("exit code is 0");
    }
}
