package dev.smokegate.smoke.process;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The three log files of one step: both streams together in the order they were written, and each
 * stream alone.
 *
 * @param combined standard output and standard error interleaved in write order, plus the lines
 *     the runner adds (prefixed {@code [smoke]})
 * @param stdout standard output only
 * @param stderr standard error only
 */
public record StepLogs(Path combined, Path stdout, Path stderr) {

    private static final String LOG_SUFFIX = ".log";

    /** @throws NullPointerException if a path is {@code null} */
    public StepLogs {
        Objects.requireNonNull(combined, "combined");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /**
     * The logs of a step in {@code dir}: for {@code logName} {@code "04-rerun.log"} they are {@code
     * 04-rerun.log}, {@code 04-rerun.stdout.log} and {@code 04-rerun.stderr.log}. A name that does
     * not end in {@code .log} gets the suffixes appended as they are.
     *
     * @param dir the folder the logs go in
     * @param logName the combined log's file name, usually {@code Step.logName()}
     * @return the three paths; nothing is created
     */
    public static StepLogs in(Path dir, String logName) {
        String base =
                logName.endsWith(LOG_SUFFIX) ? logName.substring(0, logName.length() - LOG_SUFFIX.length()) : logName;
        return new StepLogs(dir.resolve(logName), dir.resolve(base + ".stdout.log"), dir.resolve(base + ".stderr.log"));
    }
}
