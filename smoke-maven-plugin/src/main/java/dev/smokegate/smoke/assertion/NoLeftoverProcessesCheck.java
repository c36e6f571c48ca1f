package dev.smokegate.smoke.assertion;

import java.util.List;

/**
 * No process of the step's command (or, for a {@code stop} step, of the stopped service's tree) was
 * still running when the step ended: {@code expect.no-leftover-processes = true}. The runner still
 * kills what was left; this check makes it a failure, so that "the daemon must not leave an orphan
 * supervisor behind" can be asserted.
 */
public final class NoLeftoverProcessesCheck implements Check {

    /** Processes named in {@code seen}, at most. */
    static final int NAMED = 3;

    /**
     * Passes with {@code none left running}; fails with {@code 2 processes left running: pid 12: sleep
     * 600, pid 13: worker} (the first {@value #NAMED}, then {@code and N more}), the first of them as
     * evidence.
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        String expectation = "expected no process left running";
        List<String> left = output.leftovers();
        if (left.isEmpty()) {
            return CheckResult.pass(expectation, "none left running", null);
        }
        String named = String.join(", ", left.subList(0, Math.min(NAMED, left.size())))
                + (left.size() > NAMED ? " and " + Texts.number(left.size() - NAMED) + " more" : "");
        return CheckResult.fail(
                expectation, Texts.count(left.size(), "process", "processes") + " left running: " + named, left.get(0));
    }

    @Override
    public String toString() {
        return "no leftover processes";
    }
}
