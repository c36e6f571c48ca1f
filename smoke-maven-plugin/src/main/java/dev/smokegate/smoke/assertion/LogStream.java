package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.process.StepLogs;
import java.nio.file.Path;

/** A step log that text checks read. */
public enum LogStream {
    /** Standard output alone. */
    STDOUT("stdout"),
    /** Standard error alone. */
    STDERR("stderr"),
    /** Both streams together, in the order they were written (the combined log). */
    OUTPUT("output");

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
            case STDOUT -> logs.stdout();
            case STDERR -> logs.stderr();
            case OUTPUT -> logs.combined();
        };
    }

    /** The name used in the manifest and in messages: {@code stdout}, {@code stderr}, {@code output}. */
    @Override
    public String toString() {
        return label;
    }
}
