package dev.smokegate.smoke.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A step that ran, with what the reports show of it.
 *
 * @param name the step name
 * @param number 1-based position
 * @param elapsed wall-clock time
 * @param passed whether every check held
 * @param exitCode the exit code of the step's command (of the service, for a {@code stop} step), or
 *     {@code null} when it ran none, could not start or still runs (a ready service)
 * @param checks the checks evaluated, in order; the first that failed is the last (the rest did not
 *     run); empty when the step failed before its checks (a timeout, a harness problem)
 * @param logs the step's log files that exist, combined log first; empty when none was written
 */
public record StepRecord(
        String name,
        int number,
        Duration elapsed,
        boolean passed,
        Integer exitCode,
        List<CheckRecord> checks,
        List<Path> logs) {
    /** @throws NullPointerException when name, elapsed, checks or logs is {@code null} */
    public StepRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elapsed, "elapsed");
        checks = List.copyOf(checks);
        logs = List.copyOf(logs);
    }

    /** A step without details: no exit code, checks or logs. */
    public StepRecord(String name, int number, Duration elapsed, boolean passed) {
        this(name, number, elapsed, passed, null, List.of(), List.of());
    }
}
