package dev.smokegate.smoke.model;

/**
 * Where the engine writes what a user reads. The Maven adapter maps it onto Maven's {@code Log}
 * so that {@code -q} and {@code -X} work; tests collect the lines.
 */
public interface SmokeLog {
    /** Detail for {@code -X}. */
    void debug(String message);

    /** Normal progress, hidden by {@code -q}. */
    void info(String message);

    /** Something the user should look at, the build goes on. */
    void warn(String message);

    /** A failure; shown even under {@code -q}. */
    void error(String message);

    /** A log that drops everything, for callers that do not care. */
    static SmokeLog silent() {
        return new SmokeLog() {
            @Override
            public void debug(String message) {}

            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void error(String message) {}
        };
    }
}
