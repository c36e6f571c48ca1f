package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.process.StepLogs;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a finished step left behind, for its checks to read.
 *
 * @param workDir the step's working directory; paths and globs in expectations are relative to it
 * @param logs the step's log files
 * @param exitCode the step's exit code (see {@link dev.smokegate.smoke.process.ProcessOutcome#exitCode()})
 */
public record StepOutput(Path workDir, StepLogs logs, int exitCode) {
    /** @throws NullPointerException if {@code workDir} or {@code logs} is {@code null} */
    public StepOutput {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(logs, "logs");
    }
}
