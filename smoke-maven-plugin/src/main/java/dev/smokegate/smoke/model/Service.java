package dev.smokegate.smoke.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A long-running process of a scenario: the software under test, started by a step with a {@code
 * service} table, ready when its {@link Readiness} probe passes, and stopped by a {@code stop} step
 * or when its scenario ends (failed or not). Stopping sends SIGTERM to its whole process tree, then
 * SIGKILL after {@link #stopTimeout()}.
 *
 * @param name the service's name, unique in its scenario; matches {@link #NAME}
 * @param shell a command line for {@code sh -c}, or {@code null}
 * @param args an argument vector run without a shell, or {@code null}; exactly one of {@code shell}
 *     and {@code args} is set
 * @param readiness how to tell that the service is ready
 * @param stopTimeout how long SIGTERM has before SIGKILL; positive
 */
public record Service(String name, String shell, List<String> args, Readiness readiness, Duration stopTimeout) {
    /** A service name: lower-case letters and digits, then also {@code .}, {@code _} and {@code -}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** The default of {@code service.stop-timeout}. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @throws IllegalArgumentException when the name is malformed, not exactly one of shell and args
     *     is set, or the stop timeout is not positive
     */
    public Service {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("service name '" + name + "' must match " + NAME.pattern());
        }
        if ((shell == null) == (args == null)) {
            throw new IllegalArgumentException("exactly one of shell and args must be set");
        }
        args = args == null ? null : List.copyOf(args);
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("stopTimeout must be positive, got " + stopTimeout);
        }
    }
}
