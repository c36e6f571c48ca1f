package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a gate that the JVM's shutdown (SIGTERM or Ctrl-C to the build) interrupts, and lets it say
 * so: while the engine runs, a shutdown hook is registered that interrupts the engine's thread when
 * its scenarios run (each running step's process tree is then killed, and the scenario becomes an
 * interrupted result, see {@link dev.smokegate.smoke.model.Interruption}), then waits up to {@link
 * #REPORT_WAIT} for the engine to write its reports and print its summary before the JVM goes on
 * exiting. A stop that comes before the scenarios start interrupts them as they start (each is then
 * skipped); one that comes after they ended does not interrupt the engine, which only finishes its
 * reports. The hook is removed when the run ends without a stop.
 *
 * <p>The engine's thread is interrupted only between {@link #scenariosStart()} and {@link
 * #scenariosEnd()}: the reports are written with the interrupt flag clear, since an interrupt closes
 * the file channels the JDK writes through.
 *
 * <p>Used by the one engine thread that created it, and by the hook's thread.
 */
final class ShutdownWatch implements AutoCloseable {
    /**
     * How long the shutdown hook waits for the engine to finish its reports after it interrupted
     * it. The kill of a step's tree takes up to 4 s (SIGTERM, 2 s, SIGKILL, 2 s); the rest is for
     * the reports. After that the JVM exits whatever the engine is doing.
     */
    static final Duration REPORT_WAIT = Duration.ofSeconds(10);

    private final Thread engine;
    private final Duration wait;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;
    private boolean hooked;
    private boolean stopped;
    private boolean scenariosRunning;

    /**
     * @param engine the thread that runs the gate
     * @param wait how long {@link #stop()} waits for the engine to end
     */
    ShutdownWatch(Thread engine, Duration wait) {
        this.engine = engine;
        this.wait = wait;
        this.hook = new Thread(this::stop, "smoke-gate-interrupt");
    }

    /**
     * Registers the shutdown hook for the calling thread's gate.
     *
     * @return the watch; close it when the gate ends
     */
    static ShutdownWatch start() {
        ShutdownWatch watch = new ShutdownWatch(Thread.currentThread(), REPORT_WAIT);
        try {
            Runtime.getRuntime().addShutdownHook(watch.hook);
            watch.hooked = true;
        } catch (IllegalStateException e) {
            watch.stop(); // the JVM already shuts down: the gate stops before it runs anything
        }
        return watch;
    }

    /** Marks the start of the scenarios: from now on a stop interrupts the engine's thread. */
    synchronized void scenariosStart() {
        scenariosRunning = true;
        if (stopped) {
            engine.interrupt();
        }
    }

    /**
     * Marks the end of the scenarios, on the engine's thread, and clears its interrupt flag.
     *
     * @return true when the gate was stopped or the thread was interrupted meanwhile
     */
    synchronized boolean scenariosEnd() {
        scenariosRunning = false;
        boolean interrupted = Thread.interrupted();
        return interrupted || stopped;
    }

    /** @return true when the JVM's shutdown has stopped the gate */
    synchronized boolean stopped() {
        return stopped;
    }

    /**
     * What the shutdown hook runs: marks the gate stopped, interrupts the engine's thread while its
     * scenarios run, and waits until the engine has ended, for at most the watch's wait.
     */
    void stop() {
        synchronized (this) {
            stopped = true;
            if (scenariosRunning) {
                engine.interrupt();
            }
        }
        if (Thread.currentThread() == engine) {
            return;
        }
        try {
            ended.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code attempt} so that a scenario the stop interrupted ends as an interrupted result:
     * a failure while the gate is being stopped becomes one ({@link InterruptedResults#of}), and so
     * does an exception ({@link InterruptedResults#thrown}), which otherwise passes on.
     *
     * @param attempt runs one attempt of a scenario
     * @return the guarded attempt
     */
    Attempts.Attempt guard(Attempts.Attempt attempt) {
        return (Scenario scenario, Source source) -> {
            Instant start = Instant.now();
            ScenarioResult result;
            try {
                result = attempt.run(scenario, source);
            } catch (RuntimeException e) {
                if (!interrupted()) {
                    throw e;
                }
                return InterruptedResults.thrown(scenario, Duration.between(start, Instant.now()), e);
            }
            return result.status() == Status.FAIL && interrupted() ? InterruptedResults.of(result) : result;
        };
    }

    private boolean interrupted() {
        return Thread.currentThread().isInterrupted() || stopped() || shuttingDown();
    }

    /**
     * Whether the JVM shuts down, even if this watch's hook has not run yet: the hooks run at once,
     * in no order, and the one that kills the processes ({@code LiveProcesses}) may end a step
     * before this one marks the gate stopped. {@link Runtime#addShutdownHook} throws {@link
     * IllegalStateException} once the shutdown has begun.
     */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {}, "smoke-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException e) {
            return true;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }

    /** Ends the watch: lets a waiting hook go on, or removes the hook when there was no stop. */
    @Override
    public void close() {
        ended.countDown();
        if (hooked && !stopped()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM began to shut down meanwhile: the hook runs and finds the gate ended
            }
        }
    }

    @Override
    public String toString() {
        return "ShutdownWatch[" + engine.getName() + ", waits up to " + wait.toSeconds() + " s for the reports]";
    }
}
