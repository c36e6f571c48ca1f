package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How stopping a service went: which signal ended it, its exit code and how long it took.
 *
 * @param endedBy what ended the service
 * @param exitCode the service's exit code, as in {@link ProcessOutcome#exitCode()}: a JVM that ran
 *     its shutdown hooks after SIGTERM exits 143 (128+15), a process SIGKILL ended reports 137
 *     (128+9); 127 when the service never started; -1 when no exit code could be read
 * @param elapsed the time from the start of the stop until the service had ended; zero-ish when it
 *     had already exited
 */
public record StopOutcome(EndedBy endedBy, int exitCode, Duration elapsed) {

    /** What ended a service. */
    public enum EndedBy {
        /** It exited within the stop timeout after SIGTERM to its process tree. */
        SIGTERM,
        /** It still ran when the stop timeout after SIGTERM passed, so it and its tree got SIGKILL. */
        SIGKILL,
        /** It had exited (or never started) before the stop. */
        ALREADY_EXITED
    }

    /** @throws NullPointerException if {@code endedBy} or {@code elapsed} is {@code null} */
    public StopOutcome {
        Objects.requireNonNull(endedBy, "endedBy");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * The line the service's combined log gets, after {@code [smoke] }: {@code stopped by SIGTERM
     * after 0.4 s (exit code 143)}, {@code killed by SIGKILL after 10.0 s: SIGTERM did not stop it
     * (exit code 137)}, or {@code not stopped: it had already exited with exit code 3}.
     */
    @Override
    public String toString() {
        String time = Durations.elapsed(elapsed);
        return switch (endedBy) {
            case SIGTERM -> "stopped by SIGTERM after " + time + " (exit code " + exitCode + ")";
            case SIGKILL -> "killed by SIGKILL after " + time + ": SIGTERM did not stop it (exit code " + exitCode
                    + ")";
            case ALREADY_EXITED -> "not stopped: it had already exited with exit code " + exitCode;
        };
    }
}
