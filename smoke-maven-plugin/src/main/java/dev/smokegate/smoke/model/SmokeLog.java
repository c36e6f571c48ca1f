package dev.smokegate.smoke.model;

/**
 * Where the engine writes what a user reads. The Maven adapter maps it onto Maven's {@code Log}
 * so that {@code -q} and {@code -X} work; tests collect the lines.
 *
 * <p>An implementation writes one line at a {@link Level} ({@link #write}); {@link #debug}, {@link
 * #info}, {@link #warn} and {@link #error} are the callers' short forms of it.
 *
 * <p>Scenarios may run on several threads. The engine hands the front end's log one line at a
 * time, so each line arrives whole; a log given to other callers directly should be safe for
 * concurrent use if they use threads.
 */
public interface SmokeLog {

    /** How much a line matters, in the order a front end's log usually ranks them. */
    enum Level {
        /** Detail for {@code -X}. */
        DEBUG,
        /** Normal progress, hidden by {@code -q}. */
        INFO,
        /** Something the user should look at, the build goes on. */
        WARN,
        /** A failure; shown even under {@code -q}. */
        ERROR
    }

    /**
     * Writes one line.
     *
     * @param level how much it matters
     * @param message the line, without a line break
     */
    void write(Level level, String message);

    /** Detail for {@code -X}. */
    default void debug(String message) {
        write(Level.DEBUG, message);
    }

    /** Normal progress, hidden by {@code -q}. */
    default void info(String message) {
        write(Level.INFO, message);
    }

    /** Something the user should look at, the build goes on. */
    default void warn(String message) {
        write(Level.WARN, message);
    }

    /** A failure; shown even under {@code -q}. */
    default void error(String message) {
        write(Level.ERROR, message);
    }

    /** A log that drops everything, for callers that do not care. */
    static SmokeLog silent() {
        return (level, message) -> {};
    }
}
