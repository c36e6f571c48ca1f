package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.assertion.CheckResult;
import dev.smokegate.smoke.classify.Classifier;
import dev.smokegate.smoke.classify.Evidence;
import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.model.ServiceTail;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.process.LogTail;
import dev.smokegate.smoke.process.ProcessOutcome;
import dev.smokegate.smoke.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the {@link StepFailure} of a step: the expectation against what was seen, the last lines
 * of its log (ANSI escapes stripped) and the {@link Classifier}'s verdict on the evidence. What a
 * step's command, service or probe did is classified with the step's {@code blame}; the gate's own
 * harness work (workspace, patch, export, paths, logs) is not, its rules always decide.
 */
final class StepFailures {
    /** Lines of output shown inline under a failure. */
    static final int TAIL_LINES = 20;
    /** Lines of output the classification rules look at. */
    private static final int EVIDENCE_LINES = 200;
    /** An ECMA-48 control sequence: ESC [ parameters intermediates final byte. */
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");

    private final Classifier classifier;

    /** @param classifier decides whom each failure belongs to */
    StepFailures(Classifier classifier) {
        this.classifier = classifier;
    }

    /**
     * A step whose command ran (or could not start, or was killed) and failed a check.
     *
     * @param step the step
     * @param command the command as run
     * @param outcome how it ended
     * @param failed the failed check's expectation, what was seen and its evidence line
     * @param exitCheckFailed whether the failed check is the exit code
     * @return the failure, with the last {@value #TAIL_LINES} lines of the step's combined log
     */
    StepFailure process(
            StepContext step, String command, ProcessOutcome outcome, CheckResult failed, boolean exitCheckFailed) {
        Path log = step.logs().combined();
        List<String> tail = tail(log, EVIDENCE_LINES);
        return new StepFailure(
                step.name(),
                command,
                outcome.exitCode(),
                failed.expectation(),
                failed.seen(),
                log,
                tail.subList(Math.max(0, tail.size() - TAIL_LINES), tail.size()),
                classifier.classify(
                        new Evidence.Process(
                                outcome.exitCode(),
                                outcome.timedOut(),
                                outcome.startError(),
                                exitCheckFailed,
                                tail,
                                failed.evidence(),
                                outcome.killedByRunner()),
                        step.step().blame()));
    }

    /**
     * A step whose failure is judged on its own evidence: a service that did not become ready, a
     * probe, a stop, leftover processes.
     *
     * @param step the step
     * @param command the command as run ({@code GET http://…} for a probe), or {@code null}
     * @param exitCode its exit code, or {@code null} when none ran or it still runs
     * @param failed the expectation, what was seen and the evidence line
     * @param log the log the failure points to, or {@code null}
     * @param tail the last lines of the log the rules read (see {@link #tail(Path)}); the last
     *     {@value #TAIL_LINES} are shown
     * @param evidence what the classifier decides on
     * @return the failure
     */
    StepFailure judged(
            StepContext step,
            String command,
            Integer exitCode,
            CheckResult failed,
            Path log,
            List<String> tail,
            Evidence evidence) {
        return new StepFailure(
                step.name(),
                command,
                exitCode,
                failed.expectation(),
                failed.seen(),
                log,
                tail.subList(Math.max(0, tail.size() - TAIL_LINES), tail.size()),
                classifier.classify(evidence, step.step().blame()));
    }

    /**
     * The post-mortem of a service: its last {@value #TAIL_LINES} lines.
     *
     * @param service the service's name
     * @param log its combined log
     * @return the tail
     */
    static ServiceTail serviceTail(String service, Path log) {
        return new ServiceTail(service, log, tail(log, TAIL_LINES));
    }

    /**
     * The last lines of a log that the rules read, ANSI escapes stripped.
     *
     * @param log the log
     * @return its last {@value #EVIDENCE_LINES} lines, or a line saying why it cannot be read
     */
    static List<String> tail(Path log) {
        return tail(log, EVIDENCE_LINES);
    }

    /**
     * A step that ran no command (patch, export) and failed a check on what it wrote.
     *
     * @param step the step
     * @param failed the failed check's expectation, what was seen and its evidence line
     * @return the failure, classified as a process that exited 0
     */
    StepFailure check(StepContext step, CheckResult failed) {
        Path log = step.logs().combined();
        return new StepFailure(
                step.name(),
                null,
                null,
                failed.expectation(),
                failed.seen(),
                log,
                tail(log, TAIL_LINES),
                classifier.classify(
                        new Evidence.Process(0, false, null, false, tail(log, EVIDENCE_LINES), failed.evidence()),
                        step.step().blame()));
    }

    /**
     * The harness could not do its own part of a step (or of {@code prepare}).
     *
     * @param step the step name, or {@code prepare}
     * @param problem what kind of problem it was
     * @param message the message that names it, shown as what was seen
     * @param log the step's log, or {@code null} when there is none
     * @return the failure, with the expectation of that kind of problem
     */
    StepFailure harness(String step, HarnessProblem problem, String message, Path log) {
        return new StepFailure(
                step,
                null,
                null,
                expectationFor(problem),
                message,
                log,
                log == null ? List.of() : tail(log, TAIL_LINES),
                classifier.classify(new Evidence.Harness(problem, message)));
    }

    /**
     * A workspace problem as a harness failure.
     *
     * @param step the step name, or {@code prepare}
     * @param e what the workspace code threw; its message is shown as what was seen
     * @param log the step's log, or {@code null} when there is none
     * @return the failure
     */
    StepFailure harness(String step, WorkspaceException e, Path log) {
        return harness(step, problem(e.reason()), e.getMessage(), log);
    }

    /**
     * The classification's name for a workspace problem. An exhaustive switch, so a new {@link
     * WorkspaceException.Reason} does not compile until it is mapped here.
     */
    static HarnessProblem problem(WorkspaceException.Reason reason) {
        return switch (reason) {
            case NOT_A_REPOSITORY -> HarnessProblem.NOT_A_REPOSITORY;
            case UNREADABLE_TRACKED -> HarnessProblem.UNREADABLE_TRACKED;
            case REF_NOT_FOUND -> HarnessProblem.REF_NOT_FOUND;
            case UNREACHABLE -> HarnessProblem.UNREACHABLE;
            case OFFLINE_NOT_CACHED -> HarnessProblem.OFFLINE_NOT_CACHED;
            case PATCH_REJECTED -> HarnessProblem.PATCH_REJECTED;
            case ESCAPES_WORKSPACE -> HarnessProblem.ESCAPES_WORKSPACE;
            case IO -> HarnessProblem.IO;
            case CACHE_CORRUPT -> HarnessProblem.CACHE_CORRUPT;
            case INCOMPLETE_REPOSITORY -> HarnessProblem.INCOMPLETE_REPOSITORY;
        };
    }

    private static String expectationFor(HarnessProblem problem) {
        return switch (problem) {
            case PATCH_REJECTED -> "expected the patch to apply";
            case ESCAPES_WORKSPACE -> "expected every path to stay inside the workspace";
            case MISSING_FILE -> "expected every file the step names to exist";
            case UNREACHABLE, OFFLINE_NOT_CACHED, REF_NOT_FOUND -> "expected a clean clone of the repository";
            case CACHE_CORRUPT, INCOMPLETE_REPOSITORY -> "expected a clean clone of the repository";
            case NOT_A_REPOSITORY, UNREADABLE_TRACKED -> "expected a copy of the checkout";
            case IO -> "expected the gate to read and write its files";
        };
    }

    /**
     * The last lines of a log without ANSI escape sequences (ECMA-48 CSI, as colored build tools
     * print them), so reports and rules read plain text; or a line saying why it could not be read.
     */
    private static List<String> tail(Path log, int lines) {
        try {
            return LogTail.lastLines(log, lines).stream()
                    .map(StepFailures::plain)
                    .toList();
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /**
     * A line of output as reports show it: without ANSI escape sequences (ECMA-48 CSI, as colored
     * build tools print them).
     *
     * @param line a line of a step's output
     * @return the line without escape sequences
     */
    static String plain(String line) {
        return ANSI_ESCAPE.matcher(line).replaceAll("");
    }

    @Override
    public String toString() {
        return "StepFailures[tail " + TAIL_LINES + " lines, evidence " + EVIDENCE_LINES + " lines]";
    }
}
