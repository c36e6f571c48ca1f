package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Readiness;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The polling loop on a fake clock: no test here waits. */
class ReadinessPollerTest {

    private static final Readiness.Probe ANY = new Readiness.Tcp("127.0.0.1:1");
    private static final ReadinessCheck.Poll REFUSED = new ReadinessCheck.Poll(false, "connection refused");
    private static final ReadinessCheck.Poll STARTING = new ReadinessCheck.Poll(false, "http 503: STARTING", true);
    private static final ReadinessCheck.Poll UP = new ReadinessCheck.Poll(true, "http 200 from /healthz");

    private final FakeTime time = new FakeTime();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void await_answersNotReady_backsOffToTheMaximumAndPollsOnceMoreAtTheTimeout() {
        Script check = new Script(Duration.ZERO, STARTING);

        ReadinessResult result = await(check, readiness(Duration.ofSeconds(5), Duration.ofMillis(250)), running());

        assertThat(time.pauses)
                .containsExactly(
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(1250));
        assertThat(check.timeouts).hasSize(6);
        assertThat(result).isEqualTo(new ReadinessResult.NotReady("http 503: STARTING", Duration.ofSeconds(5)));
    }

    @Test
    void await_connectionRefused_pollsAtTheIntervalWithoutBackingOff() {
        Script check = new Script(Duration.ZERO, REFUSED);

        ReadinessResult result = await(check, readiness(Duration.ofSeconds(1), Duration.ofMillis(250)), running());

        assertThat(time.pauses).containsOnly(Duration.ofMillis(250)).hasSize(4);
        assertThat(result).isEqualTo(new ReadinessResult.NotReady("connection refused", Duration.ofSeconds(1)));
    }

    @Test
    void await_refusedThenAnsweredNotReady_backsOffOnlyOnceItAnswers() {
        Script check = new Script(Duration.ZERO, REFUSED, REFUSED, STARTING, STARTING, UP);

        await(check, readiness(Duration.ofSeconds(10), Duration.ofMillis(250)), running());

        assertThat(time.pauses)
                .containsExactly(
                        Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void await_longRun_pauseStaysAtTheMaximum() {
        Script check = new Script(Duration.ZERO, STARTING);

        await(check, readiness(Duration.ofSeconds(10), Duration.ofMillis(250)), running());

        assertThat(time.pauses)
                .containsExactly(
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(250));
    }

    @Test
    void await_intervalLongerThanTheMaximum_keptAndNotDoubled() {
        Script check = new Script(Duration.ZERO, STARTING);

        await(check, readiness(Duration.ofSeconds(10), Duration.ofSeconds(3)), running());

        assertThat(time.pauses)
                .containsExactly(
                        Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(1));
    }

    @Test
    void await_passesOnTheThirdPoll_readyWithItsTimeAndWhatPassed() {
        Script check = new Script(Duration.ZERO, REFUSED, REFUSED, UP);

        ReadinessResult result = await(check, readiness(Duration.ofSeconds(60), Duration.ofMillis(250)), running());

        assertThat(result).isEqualTo(new ReadinessResult.Ready(Duration.ofMillis(500), "http 200 from /healthz"));
    }

    @Test
    void await_passesAtOnce_noPause() {
        ReadinessResult result = await(
                new Script(Duration.ZERO, UP), readiness(Duration.ofSeconds(60), Duration.ofMillis(250)), running());

        assertThat(result).isEqualTo(new ReadinessResult.Ready(Duration.ZERO, "http 200 from /healthz"));
        assertThat(time.pauses).isEmpty();
    }

    @Test
    void await_processExitsDuringThePolls_exitedAtOnceWithItsCode() {
        Script check = new Script(Duration.ZERO, REFUSED);
        Deque<OptionalInt> exits = new ArrayDeque<>(
                List.of(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(3)));

        ReadinessResult result = ReadinessPoller.await(
                check,
                readiness(Duration.ofSeconds(60), Duration.ofMillis(250)),
                () -> exits.isEmpty() ? OptionalInt.of(3) : exits.poll(),
                time::pause,
                time::nanoTime);

        assertThat(result).isEqualTo(new ReadinessResult.Exited(3, Duration.ofMillis(250)));
        assertThat(check.timeouts).hasSize(2);
    }

    @Test
    void await_exitedBeforeTheFirstPoll_noPoll() {
        Script check = new Script(Duration.ZERO, UP);

        ReadinessResult result = ReadinessPoller.await(
                check,
                readiness(Duration.ofSeconds(60), Duration.ofMillis(250)),
                () -> OptionalInt.of(1),
                time::pause,
                time::nanoTime);

        assertThat(result).isEqualTo(new ReadinessResult.Exited(1, Duration.ZERO));
        assertThat(check.timeouts).isEmpty();
    }

    @Test
    void await_slowProbe_eachPollGetsWhatIsLeftOfTheTimeout() {
        Script check = new Script(Duration.ofSeconds(1), STARTING);

        ReadinessResult result = await(check, readiness(Duration.ofSeconds(3), Duration.ofMillis(250)), running());

        assertThat(check.timeouts)
                .containsExactly(Duration.ofSeconds(3), Duration.ofMillis(1750), ReadinessPoller.MIN_POLL_TIMEOUT);
        assertThat(time.pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(result).isEqualTo(new ReadinessResult.NotReady("http 503: STARTING", Duration.ofMillis(3750)));
    }

    @Test
    void await_longTimeout_pollTimeoutCappedAtTheProbeTimeout() {
        Script check = new Script(Duration.ZERO, UP);

        await(check, readiness(Duration.ofSeconds(60), Duration.ofMillis(250)), running());

        assertThat(check.timeouts).containsExactly(ReadinessPoller.PROBE_TIMEOUT);
    }

    @Test
    void await_interrupted_notReadyWithTheFlagSet() {
        Script check = new Script(Duration.ZERO, REFUSED);

        ReadinessResult result = ReadinessPoller.await(
                check,
                readiness(Duration.ofSeconds(60), Duration.ofMillis(250)),
                running(),
                duration -> {
                    throw new InterruptedException();
                },
                time::nanoTime);

        assertThat(result).isEqualTo(new ReadinessResult.NotReady("connection refused", Duration.ZERO));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    private ReadinessResult await(ReadinessCheck check, Readiness readiness, Supplier<OptionalInt> exitCode) {
        return ReadinessPoller.await(check, readiness, exitCode, time::pause, time::nanoTime);
    }

    private static Supplier<OptionalInt> running() {
        return OptionalInt::empty;
    }

    private static Readiness readiness(Duration timeout, Duration interval) {
        return new Readiness(ANY, timeout, interval);
    }

    /** A clock that moves only when the poller pauses or a poll takes time. */
    private static final class FakeTime {
        private long now = 1_000_000_000L;
        private final List<Duration> pauses = new ArrayList<>();

        long nanoTime() {
            return now;
        }

        void pause(Duration duration) {
            pauses.add(duration);
            advance(duration);
        }

        void advance(Duration duration) {
            now += duration.toNanos();
        }
    }

    /** Answers the given polls in turn, repeating the last; each takes {@code cost} of fake time. */
    private final class Script implements ReadinessCheck {
        private final Duration cost;
        private final Deque<Poll> polls;
        private final List<Duration> timeouts = new ArrayList<>();
        private Poll last;

        Script(Duration cost, Poll... polls) {
            this.cost = cost;
            this.polls = new ArrayDeque<>(List.of(polls));
        }

        @Override
        public Poll poll(Duration timeout) {
            timeouts.add(timeout);
            time.advance(cost);
            if (!polls.isEmpty()) {
                last = polls.poll();
            }
            return last;
        }
    }
}
