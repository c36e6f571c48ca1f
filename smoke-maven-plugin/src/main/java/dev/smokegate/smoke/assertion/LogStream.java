package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.process.StepLogs;
import java.nio.file.Path;

/** A step log that text checks read, under the name the manifest and messages give it. */
public enum LogStream {
    /** Standard output alone. */
    STDOUT("stdout"),
    /** Standard error alone. */
    STDERR("stderr"),
    /** Both streams together, in the order they were written (the combined log). */
    OUTPUT("output"),
    /** The response body of an {@code http} or {@code tcp} probe: the probe step's stdout log. */
    BODY("body"),
    /** A service's own output, both streams together: the service step's combined log. */
    LOG("log");

    private final String label;

    LogStream(String label) {
        this.label = label;
    }

    /**
     * @param logs a step's logs
     * @return the log file of this stream among them
     */
    public Path file(StepLogs logs) {
        return switch (this) {
            case STDOUT, BODY -> logs.stdout();
            case STDERR -> logs.stderr();
            case OUTPUT, LOG -> logs.combined();
        };
    }

    /**
     * @param file this stream's log file
     * @return how a message names it: {@code stdout log <file>}, {@code body log <file>}, {@code log
     *     <file>}
     */
    String describe(Path file) {
        return (this == LOG ? "log " : label + " log ") + file;
    }

    /**
     * The name used in the manifest and in messages: {@code stdout}, {@code stderr}, {@code output},
     * {@code body}, {@code log}.
     */
    @Override
    public String toString() {
        return label;
    }
}
