package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.model.HttpResponseHead;
import dev.smokegate.smoke.process.StepLogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a finished step left behind, for its checks to read.
 *
 * @param workDir the step's working directory; paths and globs in expectations are relative to it
 * @param logs the step's log files (for a probe, stdout holds the response body; for a service step,
 *     the logs are the service's own)
 * @param exitCode the step's exit code (see {@link dev.smokegate.smoke.process.ProcessOutcome#exitCode()});
 *     for a {@code stop} step, the service's
 * @param response the HTTP response head when the step was an {@code http} probe that got one, else
 *     {@code null}
 * @param leftovers the processes of the step (or of the stopped service) still running after it, each
 *     as {@code pid <n>: <command line>}; empty when none
 */
public record StepOutput(Path workDir, StepLogs logs, int exitCode, HttpResponseHead response, List<String> leftovers) {
    /** @throws NullPointerException if {@code workDir}, {@code logs} or {@code leftovers} is {@code null} */
    public StepOutput {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(logs, "logs");
        leftovers = List.copyOf(leftovers);
    }

    /**
     * What a step that got no HTTP response and left no process running left behind.
     *
     * @param workDir the step's working directory
     * @param logs the step's log files
     * @param exitCode the step's exit code
     */
    public StepOutput(Path workDir, StepLogs logs, int exitCode) {
        this(workDir, logs, exitCode, null, List.of());
    }

    /**
     * @param response the HTTP response head, or {@code null} when none came
     * @return this output with that response head
     */
    public StepOutput withResponse(HttpResponseHead response) {
        return new StepOutput(workDir, logs, exitCode, response, leftovers);
    }

    /**
     * @param leftovers the processes still running, each as {@code pid <n>: <command line>}
     * @return this output with those leftovers
     */
    public StepOutput withLeftovers(List<String> leftovers) {
        return new StepOutput(workDir, logs, exitCode, response, leftovers);
    }
}
