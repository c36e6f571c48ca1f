package dev.smokegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.assertj.core.api.ThrowingConsumer;

/** Assertions on what a forked gate printed, shared by the IT classes. */
final class GateOutput {
    private GateOutput() {}

    /** Asserts how the build ended; a failure names the build's log. */
    static void assertExit(ForkedMaven.Result result, int exitCode) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
    }

    /** The line of a passed scenario with its elapsed time, such as {@code [smoke] PASS greeter-loop (12.3 s)}. */
    static ThrowingConsumer<String> passLine(String scenario) {
        return line -> assertThat(line).matches("\\[smoke] PASS " + Pattern.quote(scenario) + " \\(\\d+\\.\\d s\\)");
    }
}
