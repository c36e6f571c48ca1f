package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.model.SmokeLog;
import org.apache.maven.plugin.logging.Log;

/** Writes the engine's lines to Maven's log, so {@code -q}, {@code -X} and {@code -B} apply. */
final class MavenSmokeLog implements SmokeLog {
    private final Log log;

    MavenSmokeLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }
}
