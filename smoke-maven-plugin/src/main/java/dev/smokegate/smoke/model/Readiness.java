package dev.smokegate.smoke.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the gate tells that a service is ready: a probe polled every {@link #interval()} (backing off
 * up to {@link #MAX_INTERVAL}) until it passes, the service's process exits, or {@link #timeout()}
 * passes.
 *
 * @param probe what is polled
 * @param timeout how long the service has to become ready; positive
 * @param interval the first pause between two polls; positive
 */
public record Readiness(Probe probe, Duration timeout, Duration interval) {
    /** The default of {@code service.ready.timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** The default of {@code service.ready.interval}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    /** The longest pause between two polls that backing off reaches. */
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(2);

    /** @throws IllegalArgumentException when a duration is not positive */
    public Readiness {
        Objects.requireNonNull(probe, "probe");
        positive(timeout, "timeout");
        positive(interval, "interval");
    }

    private static void positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }

    /** What a readiness poll checks. */
    public sealed interface Probe permits Http, Tcp, Log {}

    /**
     * Ready when a GET of the URL answers with an accepted status and, when given, a body that
     * contains every text.
     *
     * @param url an {@code http(s)://} URL (may hold placeholders)
     * @param statuses the accepted statuses; empty means 200 to 399
     * @param bodyContains texts the body must contain; may be empty
     */
    public record Http(String url, List<Integer> statuses, List<String> bodyContains) implements Probe {
        public Http {
            Objects.requireNonNull(url, "url");
            statuses = List.copyOf(statuses);
            bodyContains = List.copyOf(bodyContains);
        }

        /**
         * @param status an HTTP status code
         * @return whether it counts as ready
         */
        public boolean accepts(int status) {
            return statuses.isEmpty() ? status >= 200 && status <= 399 : statuses.contains(status);
        }
    }

    /**
     * Ready when a TCP connection to the address opens.
     *
     * @param address {@code host:port} (may hold placeholders)
     */
    public record Tcp(String address) implements Probe {
        public Tcp {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Ready when a line of the service's output matches the regex ({@link java.util.regex.Pattern}
     * syntax, found anywhere in the line).
     *
     * @param regex the regular expression (may hold placeholders)
     */
    public record Log(String regex) implements Probe {
        public Log {
            Objects.requireNonNull(regex, "regex");
        }
    }
}
