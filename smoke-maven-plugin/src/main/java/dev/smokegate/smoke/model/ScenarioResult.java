package dev.smokegate.smoke.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one scenario: data for the reports, never an exception.
 *
 * @param name the scenario name
 * @param status pass, fail or skip
 * @param elapsed wall-clock time, workspace preparation included
 * @param steps the steps that ran, in order
 * @param failure why it failed; {@code null} unless {@link Status#FAIL}
 * @param skipReason why it did not run; {@code null} unless {@link Status#SKIP}
 */
public record ScenarioResult(
        String name, Status status, Duration elapsed, List<StepRecord> steps, StepFailure failure, String skipReason) {
    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        steps = List.copyOf(steps);
        if ((status == Status.FAIL) != (failure != null)) {
            throw new IllegalArgumentException("a failure is given exactly when the status is FAIL");
        }
    }
}
