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
 * @param skip why it did not run: always a host classification, with the rule ({@code
 *     host.requires.endpoint}, …) and the evidence (what was checked and what was seen); {@code null}
 *     unless {@link Status#SKIP}
 * @param earlierAttempts the attempts before this one that failed on the host and were retried
 *     ({@code smoke.retries}), oldest first; empty when this is the first attempt. This result is the
 *     last attempt.
 */
public record ScenarioResult(
        String name,
        Status status,
        Duration elapsed,
        List<StepRecord> steps,
        StepFailure failure,
        Classification skip,
        List<ScenarioResult> earlierAttempts) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException when name, status, steps or earlierAttempts is {@code null}
     * @throws IllegalArgumentException when a failure is not given exactly for {@link Status#FAIL}, or
     *     a skip not exactly for {@link Status#SKIP}
     */
    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        steps = List.copyOf(steps);
        earlierAttempts = List.copyOf(earlierAttempts);
        if ((status == Status.FAIL) != (failure != null)) {
            throw new IllegalArgumentException("a failure is given exactly when the status is FAIL");
        }
        if ((status == Status.SKIP) != (skip != null)) {
            throw new IllegalArgumentException("a skip classification is given exactly when the status is SKIP");
        }
    }

    /** A first attempt: no earlier attempts. */
    public ScenarioResult(
            String name,
            Status status,
            Duration elapsed,
            List<StepRecord> steps,
            StepFailure failure,
            Classification skip) {
        this(name, status, elapsed, steps, failure, skip, List.of());
    }

    /**
     * @param name the scenario
     * @param elapsed time spent deciding to skip
     * @param skip the host classification that made it skip
     * @return a skipped scenario that ran no step
     */
    public static ScenarioResult skipped(String name, Duration elapsed, Classification skip) {
        return new ScenarioResult(name, Status.SKIP, elapsed, List.of(), null, skip);
    }

    /** @return how many times the scenario ran: 1 plus the earlier attempts */
    public int attempts() {
        return 1 + earlierAttempts.size();
    }

    /**
     * @param earlier the attempts before this one, oldest first
     * @return this result as the last of those attempts
     */
    public ScenarioResult withEarlierAttempts(List<ScenarioResult> earlier) {
        return new ScenarioResult(name, status, elapsed, steps, failure, skip, earlier);
    }
}
