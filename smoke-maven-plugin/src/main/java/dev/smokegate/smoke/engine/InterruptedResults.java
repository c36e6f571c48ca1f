package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Interruption;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import dev.smokegate.smoke.process.ProcessOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The results of scenarios that were running when the gate was stopped (see {@link Interruption}):
 * a failure at the step that ran, classified {@value Interruption#RULE}, whose seen text says how
 * long the step had run and how many processes of its tree were stopped.
 */
final class InterruptedResults {
    /** The evidence of a step whose command was stopped with the gate. */
    static final String STEP_EVIDENCE =
            "the gate was stopped (SIGTERM or Ctrl-C to the build) while the step ran; its process tree was killed";

    /** The evidence of a scenario whose step failed while the gate was being stopped. */
    static final String FAILED_EVIDENCE =
            "the gate was stopped (SIGTERM or Ctrl-C to the build) while this ran, which failed meanwhile: ";

    /** The evidence of a scenario whose run threw while the gate was being stopped. */
    static final String THROWN_EVIDENCE =
            "the gate was stopped (SIGTERM or Ctrl-C to the build) while the scenario ran, which then failed with: ";

    private InterruptedResults() {}

    /**
     * The failure of a step whose command was interrupted.
     *
     * @param step the step name
     * @param command the command as run
     * @param outcome its outcome, {@link ProcessOutcome#interrupted() interrupted}
     * @param log the step's combined log
     * @return the failure: seen {@code interrupted after 12.3 s: stopped 3 processes}
     */
    static StepFailure step(String step, String command, ProcessOutcome outcome, Path log) {
        List<String> tail = StepFailures.tail(log);
        return new StepFailure(
                step,
                command,
                outcome.exitCode() < 0 ? null : outcome.exitCode(),
                Interruption.EXPECTATION,
                Interruption.seen(outcome.elapsed(), outcome.stopped()),
                log,
                tail.subList(Math.max(0, tail.size() - StepFailures.TAIL_LINES), tail.size()),
                Interruption.classification(STEP_EVIDENCE));
    }

    /**
     * A failed result of a scenario that ran while the gate was being stopped, as an interrupted one:
     * its step failed because of the stop (a service killed by the JVM's shutdown, a clone whose
     * I/O was interrupted). Already interrupted results are returned as they are.
     *
     * @param result a {@link Status#FAIL} result
     * @return the result, interrupted at its failed step, with the step's time and 0 processes
     *     stopped by the step; the earlier failure's message becomes the evidence
     */
    static ScenarioResult of(ScenarioResult result) {
        if (Interruption.of(result)) {
            return result;
        }
        StepFailure failed = result.failure();
        Duration elapsed = result.steps().stream()
                .filter(step -> step.name().equals(failed.step()))
                .map(StepRecord::elapsed)
                .reduce((first, last) -> last)
                .orElse(result.elapsed());
        StepFailure failure = new StepFailure(
                failed.step(),
                failed.command(),
                failed.exitCode(),
                Interruption.EXPECTATION,
                Interruption.seen(elapsed, 0),
                failed.log(),
                failed.tail(),
                Interruption.classification(
                        FAILED_EVIDENCE + failed.seen().lines().findFirst().orElse("")),
                failed.services());
        return new ScenarioResult(
                result.name(), Status.FAIL, result.elapsed(), result.steps(), failure, null, result.earlierAttempts());
    }

    /**
     * The result of a scenario whose run threw while the gate was being stopped (JGit's I/O
     * interrupted in a clone or copy, say): interrupted at {@code prepare}, which is where the
     * gate's own work happens.
     *
     * @param scenario the scenario
     * @param elapsed how long it ran
     * @param thrown what its run threw
     * @return the interrupted result, with no step run
     */
    static ScenarioResult thrown(Scenario scenario, Duration elapsed, RuntimeException thrown) {
        StepFailure failure = new StepFailure(
                "prepare",
                null,
                null,
                Interruption.EXPECTATION,
                Interruption.seen(elapsed, 0),
                null,
                List.of(),
                Interruption.classification(THROWN_EVIDENCE + thrown));
        return new ScenarioResult(scenario.name(), Status.FAIL, elapsed, List.of(), failure, null);
    }
}
