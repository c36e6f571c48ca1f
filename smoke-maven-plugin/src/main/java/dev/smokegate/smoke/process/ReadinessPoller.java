package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Readiness;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Waits until a service is ready: polls its {@link Readiness.Probe} until the probe passes, the
 * service's process exits, or the readiness timeout passes.
 *
 * <ul>
 *   <li><b>Probes:</b> {@link Readiness.Http}: a GET whose status is accepted and whose body (its
 *       first 64 KiB) contains every text asked for; {@link Readiness.Tcp}: a connection that
 *       opens; {@link Readiness.Log}: a line of the service's combined log that matches, read as
 *       the log streams.
 *   <li><b>Schedule:</b> a poll at once, then every {@link Readiness#interval()} while nothing
 *       answers (a refused connection, no matching log line), so a service is seen ready at most
 *       one interval after it starts to listen. Once it answers without being ready (an HTTP status
 *       it does not accept yet), the pause doubles after each such answer, up to {@link
 *       Readiness#MAX_INTERVAL} (or the interval itself, if it is longer). The last pause is cut short so that a last poll happens when the timeout
 *       passes. A poll may take at most {@value #PROBE_TIMEOUT_SECONDS} s, less when the timeout is
 *       nearer, but at least 1 s: a last poll that hangs may end the wait up to 1 s after the
 *       timeout.
 *   <li><b>Exit:</b> the pauses end early when the service's process exits, and its exit is
 *       checked before and after each poll: a service that exits is reported at once with its
 *       exit code, not after the timeout.
 * </ul>
 *
 * <p>Never throws for what the service does: every ending is a {@link ReadinessResult}. A probe
 * that cannot be made at all (malformed URL, address or regex) gives {@link
 * ReadinessResult.NotReady} at once, naming it. If the calling thread is interrupted the wait ends
 * with {@link ReadinessResult.NotReady} and the thread's interrupt flag set.
 */
public final class ReadinessPoller {

    static final long PROBE_TIMEOUT_SECONDS = 5;

    /** The longest one poll may take. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(PROBE_TIMEOUT_SECONDS);

    /**
     * The shortest time a poll gets, even when the readiness timeout is nearer, so that the last
     * poll, the one a failure reports, has time to see something.
     */
    static final Duration MIN_POLL_TIMEOUT = Duration.ofSeconds(1);

    /** A pause between two polls that ends early when the service exits. */
    @FunctionalInterface
    interface Pause {
        /**
         * @param duration how long to wait at most
         * @throws InterruptedException if the thread is interrupted
         */
        void await(Duration duration) throws InterruptedException;
    }

    private ReadinessPoller() {}

    /**
     * Polls until {@code service} is ready, has exited, or {@code readiness.timeout()} passed.
     *
     * @param service the started service; its combined log is what a {@link Readiness.Log} probe
     *     reads
     * @param readiness the probe, with every placeholder already resolved, and its timing
     * @return how the wait ended
     */
    public static ReadinessResult await(ServiceProcess service, Readiness readiness) {
        Objects.requireNonNull(service, "service");
        ReadinessCheck check;
        try {
            check = ReadinessCheck.of(readiness.probe(), service.logs().combined());
        } catch (IllegalArgumentException e) {
            return new ReadinessResult.NotReady(e.getMessage(), Duration.ZERO);
        }
        return await(check, readiness, service::exitCode, service::awaitExit, System::nanoTime);
    }

    /**
     * The loop itself, with the clock and the pause given, so that tests can check the schedule
     * and the timeout without waiting.
     *
     * @param check the probe
     * @param readiness its timing
     * @param exitCode the service's exit code once it has exited
     * @param pause a pause that ends early when the service exits
     * @param nanoTime a monotonic clock, in nanoseconds, as {@link System#nanoTime()}
     */
    static ReadinessResult await(
            ReadinessCheck check,
            Readiness readiness,
            Supplier<OptionalInt> exitCode,
            Pause pause,
            LongSupplier nanoTime) {
        long start = nanoTime.getAsLong();
        Duration timeout = readiness.timeout();
        Duration longest = max(Readiness.MAX_INTERVAL, readiness.interval());
        Duration next = readiness.interval();
        while (true) {
            OptionalInt exit = exitCode.get();
            if (exit.isPresent()) {
                return new ReadinessResult.Exited(exit.getAsInt(), since(start, nanoTime));
            }
            Duration left = timeout.minus(since(start, nanoTime));
            ReadinessCheck.Poll poll = check.poll(min(PROBE_TIMEOUT, max(left, MIN_POLL_TIMEOUT)));
            if (poll.passed()) {
                return new ReadinessResult.Ready(since(start, nanoTime), poll.seen());
            }
            exit = exitCode.get();
            if (exit.isPresent()) {
                return new ReadinessResult.Exited(exit.getAsInt(), since(start, nanoTime));
            }
            Duration elapsed = since(start, nanoTime);
            if (elapsed.compareTo(timeout) >= 0 || Thread.currentThread().isInterrupted()) {
                return new ReadinessResult.NotReady(poll.seen(), elapsed);
            }
            try {
                pause.await(min(next, timeout.minus(elapsed)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ReadinessResult.NotReady(poll.seen(), since(start, nanoTime));
            }
            next = poll.answered() ? min(next.multipliedBy(2), longest) : readiness.interval();
        }
    }

    private static Duration since(long start, LongSupplier nanoTime) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
