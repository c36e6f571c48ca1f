package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.SmokeLog;
import java.util.Objects;

/**
 * A {@link SmokeLog} that lets one line through at a time, so lines written by scenarios running
 * on several threads (and by the threads of their steps) reach the front end's log whole and never
 * interleave mid-line, whatever that log does with concurrent callers.
 */
final class SerialLog implements SmokeLog {
    private final SmokeLog log;

    private SerialLog(SmokeLog log) {
        this.log = log;
    }

    /**
     * @param log the front end's log
     * @return {@code log} when it already is a serial log, else a serial log writing to it
     */
    static SmokeLog of(SmokeLog log) {
        Objects.requireNonNull(log, "log");
        return log instanceof SerialLog ? log : new SerialLog(log);
    }

    /** Writes the line to the wrapped log while holding this log's lock. */
    @Override
    public synchronized void write(Level level, String message) {
        log.write(level, message);
    }

    @Override
    public String toString() {
        return "SerialLog[" + log + "]";
    }
}
