package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.assertion.Check;
import dev.smokegate.smoke.assertion.CheckResult;
import dev.smokegate.smoke.assertion.ExitCodeCheck;
import dev.smokegate.smoke.assertion.GoldenCheck;
import dev.smokegate.smoke.assertion.NoLeftoverProcessesCheck;
import dev.smokegate.smoke.assertion.StepOutput;
import dev.smokegate.smoke.classify.Evidence;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.process.ProcessOutcome;
import java.util.List;

/**
 * Evaluates a step's checks in order against what it produced; the first that fails ends the step.
 * In update mode, the golden file checks after it are still evaluated, so one run rewrites every
 * golden file of the step that did not match (see {@link GoldenUpdates}).
 */
final class StepChecks {
    private final SmokeLog log;
    private final StepFailures failures;
    private final GoldenUpdates golden;

    /**
     * A check that failed, with its verdict.
     *
     * @param check the check
     * @param result its verdict
     */
    record Failed(Check check, CheckResult result) {}

    /**
     * @param log where each check's verdict is written at debug level
     * @param failures builds the failure of the first check that fails
     * @param golden where update mode keeps the golden files to rewrite
     */
    StepChecks(SmokeLog log, StepFailures failures, GoldenUpdates golden) {
        this.log = log;
        this.failures = failures;
        this.golden = golden;
    }

    /**
     * The checks of a step that ran a command, or none (patch, export). A failed {@code
     * no-leftover-processes} check is classified on the leftover processes ({@code
     * runtime.leftover-process}).
     *
     * @param step the step that ran
     * @param command the command as run, or {@code null} for a step that ran none
     * @param outcome how the command ended, or {@code null} for a step that ran none (exit code 0)
     * @param checks the checks, in the order they are evaluated
     * @return the failure of the first check that fails, or {@code null} when every check holds
     */
    StepFailure firstFailure(StepContext step, String command, ProcessOutcome outcome, List<Check> checks) {
        StepOutput output = new StepOutput(step.cwd(), step.logs(), outcome == null ? 0 : outcome.exitCode())
                .withLeftovers(outcome == null ? List.of() : outcome.leftovers());
        Failed failed = firstFailed(step, checks, output);
        if (failed == null) {
            return null;
        }
        if (outcome == null) {
            return failures.check(step, failed.result());
        }
        if (failed.check() instanceof NoLeftoverProcessesCheck) {
            return failures.judged(
                    step,
                    command,
                    outcome.exitCode(),
                    failed.result(),
                    step.logs().combined(),
                    StepFailures.tail(step.logs().combined()),
                    new Evidence.Leftover(output.leftovers()));
        }
        return failures.process(step, command, outcome, failed.result(), failed.check() instanceof ExitCodeCheck);
    }

    /**
     * @param step the step whose checks they are; each verdict goes to its {@link StepDetails}
     * @param checks the checks, in the order they are evaluated
     * @param output what the step left behind
     * @return the first check that fails, or {@code null} when every check holds
     */
    Failed firstFailed(StepContext step, List<Check> checks, StepOutput output) {
        Failed first = null;
        for (Check check : checks) {
            boolean update = golden.enabled() && check instanceof GoldenCheck;
            if (first != null && !update) {
                continue;
            }
            CheckResult result = update ? compare(step, (GoldenCheck) check, output) : check.evaluate(output);
            step.details().check(check, result);
            log.debug("[smoke]   " + check + " → " + (result.passed() ? "ok" : "FAILED: " + result.seen()));
            if (!result.passed() && first == null) {
                first = new Failed(check, result);
            }
        }
        return first;
    }

    /** A golden file check in update mode: a golden file that did not match is kept for rewriting. */
    private CheckResult compare(StepContext step, GoldenCheck check, StepOutput output) {
        GoldenCheck.Comparison comparison = check.compare(output);
        if (comparison.rewritten() != null) {
            golden.add(
                    new GoldenUpdates.Update(
                            check.golden(), comparison.rewritten(), comparison.changed(), step.where()),
                    log);
        }
        return comparison.result();
    }
}
