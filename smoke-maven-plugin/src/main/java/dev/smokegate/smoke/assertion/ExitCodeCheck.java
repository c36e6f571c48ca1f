package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.process.ExitCodes;
import dev.smokegate.smoke.process.LogTail;
import java.io.IOException;
import java.util.List;

/**
 * The step's exit code equals the expected one. When it does not, the evidence is the last
 * non-blank line of the combined log, where a failing command usually says why.
 */
public final class ExitCodeCheck implements Check {

    /** Lines read from the end of the combined log to find its last non-blank one. */
    private static final int TAIL_LINES = 20;

    private final int expected;

    /** @param expected the exit code the step must end with */
    public ExitCodeCheck(int expected) {
        this.expected = expected;
    }

    /** @return the exit code the step must end with */
    public int expected() {
        return expected;
    }

    /**
     * Compares the exit codes. {@code seen} reads {@code exit code 1}, with the code's conventional
     * meaning when it has one ({@code exit code 127 (command not found)}, {@code exit code 137
     * (128+9: killed by SIGKILL)}; see {@link ExitCodes#meaning(int)}).
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        int actual = output.exitCode();
        String expectation = "expected exit code " + expected;
        String seen = "exit code " + actual
                + ExitCodes.meaning(actual).map(m -> " (" + m + ")").orElse("");
        if (actual == expected) {
            return CheckResult.pass(expectation, seen, null);
        }
        return CheckResult.fail(expectation, seen, lastLine(output));
    }

    private static String lastLine(StepOutput output) {
        try {
            List<String> lines = LogTail.lastLines(output.logs().combined(), TAIL_LINES);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i);
                }
            }
        } catch (IOException e) {
            // no log to quote: the exit code alone has to do
        }
        return null;
    }

    @Override
    public String toString() {
        return "exit code is " + expected;
    }
}
