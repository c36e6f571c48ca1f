package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.assertion.Check;
import dev.smokegate.smoke.assertion.CheckResult;
import dev.smokegate.smoke.model.CheckRecord;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import dev.smokegate.smoke.process.StepLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one step run tells the reports, gathered while it runs: its exit code, each check evaluated
 * with its verdict, and its logs. Used by the one thread that runs the step.
 */
final class StepDetails {
    private Integer exitCode;
    private final List<CheckRecord> checks = new ArrayList<>();
    private StepLogs logs;

    /** @param code the exit code of the step's command (or of the stopped service) */
    void exitCode(Integer code) {
        this.exitCode = code;
    }

    /**
     * @param check a check evaluated
     * @param result its verdict
     */
    void check(Check check, CheckResult result) {
        checks.add(new CheckRecord(check.toString(), result.passed(), result.seen()));
    }

    /** @param stepLogs the step's three log files, whether written yet or not */
    void logs(StepLogs stepLogs) {
        this.logs = stepLogs;
    }

    /**
     * The step's record. A step that failed before any check failed (a timeout, a command that did
     * not start, a probe with no answer, a harness problem) gets its failure's expectation as its
     * last, failed check, so every failed step names what it expected.
     *
     * @param name the step name
     * @param number its 1-based position
     * @param elapsed its wall-clock time
     * @param failure why it failed, or {@code null}
     * @return the record, with the log files that exist (combined, stdout, stderr, then the
     *     failure's log when it is another)
     */
    StepRecord record(String name, int number, Duration elapsed, StepFailure failure) {
        List<CheckRecord> all = new ArrayList<>(checks);
        if (failure != null && all.stream().allMatch(CheckRecord::passed)) {
            String expectation = failure.expectation();
            all.add(new CheckRecord(
                    expectation.startsWith("expected ") ? expectation.substring("expected ".length()) : expectation,
                    false,
                    failure.seen()));
        }
        Set<Path> files = new LinkedHashSet<>();
        if (logs != null) {
            files.addAll(List.of(logs.combined(), logs.stdout(), logs.stderr()));
        }
        if (failure != null && failure.log() != null) {
            files.add(failure.log());
        }
        files.removeIf(file -> !Files.isRegularFile(file));
        return new StepRecord(name, number, elapsed, failure == null, exitCode, all, List.copyOf(files));
    }
}
