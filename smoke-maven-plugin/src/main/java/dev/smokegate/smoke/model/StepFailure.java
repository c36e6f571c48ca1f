package dev.smokegate.smoke.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Why a scenario failed: the failing step (or {@code prepare}, before any step), what was expected
 * against what was seen, and where to read more.
 *
 * @param step the step name, or {@code prepare} when the workspace could not be made
 * @param command the command as run, or {@code null} for steps that run none
 * @param exitCode the command's exit code, or {@code null} when none ran
 * @param expectation what was expected, e.g. {@code expected stdout to match 'x'}
 * @param seen what was seen instead
 * @param log the step's log, or {@code null}
 * @param tail the last lines of the log (at most 20)
 * @param classification who the failure belongs to, with rule and evidence
 */
public record StepFailure(
        String step,
        String command,
        Integer exitCode,
        String expectation,
        String seen,
        Path log,
        List<String> tail,
        Classification classification) {
    /**
     * Checks the components in declaration order.
     *
     * @throws NullPointerException when step, expectation, seen, tail or classification is {@code null}
     * @throws IllegalArgumentException when only one of command and exitCode is given: a command that
     *     ran has an exit code, and an exit code belongs to a command
     */
    public StepFailure {
        Objects.requireNonNull(step, "step");
        if ((command == null) != (exitCode == null)) {
            throw new IllegalArgumentException(
                    "command and exitCode are given together or not at all, got " + command + " and " + exitCode);
        }
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(seen, "seen");
        tail = List.copyOf(tail);
        Objects.requireNonNull(classification, "classification");
    }
}
