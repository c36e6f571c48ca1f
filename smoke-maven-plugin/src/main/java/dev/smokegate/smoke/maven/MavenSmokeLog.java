package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.model.SmokeLog;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes the engine's lines to Maven's log, so {@code -q}, {@code -X} and {@code -B} apply: info
 * lines (progress, such as a step starting or still running, and {@code PASS}) are Maven's info,
 * which {@code -q} hides; failures are Maven's error, which it shows. The engine writes to it one
 * line at a time, from whichever thread runs a scenario.
 */
final class MavenSmokeLog implements SmokeLog {
    private final Log log;

    /** @param log the mojo's log */
    MavenSmokeLog(Log log) {
        this.log = log;
    }

    /** Each level goes to Maven's level of the same name. */
    @Override
    public void write(Level level, String message) {
        switch (level) {
            case DEBUG -> log.debug(message);
            case INFO -> log.info(message);
            case WARN -> log.warn(message);
            case ERROR -> log.error(message);
        }
    }
}
