package dev.smokegate.smoke.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why a scenario failed: the failing step (or {@code prepare}, before any step), what was expected
 * against what was seen, and where to read more.
 *
 * @param step the step name, or {@code prepare} when the workspace could not be made
 * @param command the command as run ({@code GET http://…} for a probe), or {@code null} for steps
 *     that run none
 * @param exitCode the command's exit code, or {@code null} when none ran or it still runs (a
 *     service that did not become ready in time)
 * @param expectation what was expected, e.g. {@code expected stdout to match 'x'}
 * @param seen what was seen instead
 * @param log the step's log, or {@code null}
 * @param tail the last lines of the log (at most 20)
 * @param classification who the failure belongs to, with rule and evidence
 * @param services the post-mortem: the log tails of the scenario's services at the failure, in start
 *     order; empty when none ran
 */
public record StepFailure(
        String step,
        String command,
        Integer exitCode,
        String expectation,
        String seen,
        Path log,
        List<String> tail,
        Classification classification,
        List<ServiceTail> services) {
    /**
     * Checks the components in declaration order.
     *
     * @throws NullPointerException when step, expectation, seen, tail, classification or services is
     *     {@code null}
     * @throws IllegalArgumentException when an exit code is given without a command: an exit code
     *     belongs to a command
     */
    public StepFailure {
        Objects.requireNonNull(step, "step");
        if (command == null && exitCode != null) {
            throw new IllegalArgumentException("an exit code belongs to a command, got exit code " + exitCode);
        }
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(seen, "seen");
        tail = List.copyOf(tail);
        Objects.requireNonNull(classification, "classification");
        services = List.copyOf(services);
    }

    /**
     * A failure without a post-mortem.
     *
     * @throws NullPointerException when step, expectation, seen, tail or classification is {@code null}
     * @throws IllegalArgumentException when an exit code is given without a command
     */
    public StepFailure(
            String step,
            String command,
            Integer exitCode,
            String expectation,
            String seen,
            Path log,
            List<String> tail,
            Classification classification) {
        this(step, command, exitCode, expectation, seen, log, tail, classification, List.of());
    }

    /**
     * @param more service tails to add after those this failure has
     * @return this failure with them
     */
    public StepFailure withServices(List<ServiceTail> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<ServiceTail> all = new ArrayList<>(services);
        all.addAll(more);
        return new StepFailure(step, command, exitCode, expectation, seen, log, tail, classification, all);
    }
}
