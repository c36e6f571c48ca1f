package dev.smokegate.smoke.assertion;

import java.util.Objects;

/**
 * The verdict of one check, worded for a failure report.
 *
 * @param passed whether the expectation held
 * @param expectation what was expected, as a sentence: {@code expected stdout to match 'Tests run:
 *     4'}, {@code expected exit code 0}, {@code expected file target/x.json at /status to be "UP"}
 * @param seen what was found instead (or, for a pass, what was found): {@code not found in 1,234
 *     lines (56,789 bytes) of stdout}, {@code exit code 1}, {@code "DOWN"}
 * @param evidence the single most relevant line, such as {@code line 12: [ERROR] boom}, or {@code
 *     null} when there is none
 */
public record CheckResult(boolean passed, String expectation, String seen, String evidence) {

    /** @throws NullPointerException if {@code expectation} or {@code seen} is {@code null} */
    public CheckResult {
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(seen, "seen");
    }

    static CheckResult pass(String expectation, String seen, String evidence) {
        return new CheckResult(true, expectation, seen, evidence);
    }

    static CheckResult fail(String expectation, String seen, String evidence) {
        return new CheckResult(false, expectation, seen, evidence);
    }

    /** Reads like {@code FAIL expected exit code 0, saw exit code 1 (sh: 1: nope: not found)}. */
    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + expectation + ", saw " + seen
                + (evidence == null ? "" : " (" + evidence + ")");
    }
}
