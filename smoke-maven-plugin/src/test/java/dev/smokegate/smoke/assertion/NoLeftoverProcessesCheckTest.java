package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoLeftoverProcessesCheckTest {

    @TempDir
    Path dir;

    @Test
    void evaluate_noneLeft_passes() throws IOException {
        assertThat(new NoLeftoverProcessesCheck().evaluate(new TestStep(dir).output()))
                .isEqualTo(new CheckResult(true, "expected no process left running", "none left running", null));
    }

    @Test
    void evaluate_oneLeft_failsNamingPidAndCommandLine() throws IOException {
        StepOutput output = new TestStep(dir).output().withLeftovers(List.of("pid 4242: sleep 600"));

        assertThat(new NoLeftoverProcessesCheck().evaluate(output))
                .isEqualTo(new CheckResult(
                        false,
                        "expected no process left running",
                        "1 process left running: pid 4242: sleep 600",
                        "pid 4242: sleep 600"));
    }

    @Test
    void evaluate_manyLeft_namesThreeAndCountsTheRest() throws IOException {
        StepOutput output = new TestStep(dir)
                .output()
                .withLeftovers(List.of("pid 1: a", "pid 2: b", "pid 3: c", "pid 4: d", "pid 5: e"));

        assertThat(new NoLeftoverProcessesCheck().evaluate(output))
                .isEqualTo(new CheckResult(
                        false,
                        "expected no process left running",
                        "5 processes left running: pid 1: a, pid 2: b, pid 3: c and 2 more",
                        "pid 1: a"));
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new NoLeftoverProcessesCheck()).hasToString("no leftover processes");
    }
}
