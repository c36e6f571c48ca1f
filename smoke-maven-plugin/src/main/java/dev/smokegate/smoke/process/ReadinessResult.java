package dev.smokegate.smoke.process;

import java.time.Duration;
import java.util.Objects;

/**
 * How waiting for a service to become ready ended: it passed its probe, its process exited first,
 * or the readiness timeout passed.
 */
public sealed interface ReadinessResult {

    /** @return the time from the start of the wait until it ended */
    Duration elapsed();

    /**
     * The probe passed.
     *
     * @param elapsed the time until it passed
     * @param what what the passing probe saw: {@code http 200 from /healthz}, {@code tcp
     *     127.0.0.1:8080 accepted}, or {@code log line 'Started service on port 8080 in 812 ms'}
     */
    record Ready(Duration elapsed, String what) implements ReadinessResult {
        public Ready {
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(what, "what");
        }
    }

    /**
     * The service's process exited before the probe passed ({@code runtime.exited-before-ready}).
     *
     * @param exitCode its exit code (127 when it never started)
     * @param elapsed the time until the exit was seen
     */
    record Exited(int exitCode, Duration elapsed) implements ReadinessResult {
        public Exited {
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /**
     * The timeout passed, or the probe could not be made at all ({@code runtime.not-ready}).
     *
     * @param lastSeen what the last probe saw: the status and first body line ({@code http 503:
     *     {"status":"STARTING"}}), the connection error ({@code connection refused}), {@code no line
     *     matches 'Started'}; or why no probe could be made ({@code invalid readiness URL ...})
     * @param elapsed the time until it gave up
     */
    record NotReady(String lastSeen, Duration elapsed) implements ReadinessResult {
        public NotReady {
            Objects.requireNonNull(lastSeen, "lastSeen");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }
}
