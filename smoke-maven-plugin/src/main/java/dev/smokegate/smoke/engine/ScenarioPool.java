package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Interruption;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the selected scenarios, one after another or several at once on a fixed pool of threads,
 * and returns their results in manifest order whatever order they finish in.
 *
 * <p>Each result is handed to the report in manifest order too: with one thread, right after its
 * scenario ends (the output a sequential gate has always printed); with more, all together once
 * every scenario has ended, so the {@code [smoke] PASS/FAIL/SKIP} block reads as in a sequential run
 * while the progress lines of the scenarios came as they happened.
 *
 * <p>A scenario with {@code needs} starts only once every scenario it needs has finished, with its
 * retries: one after another, it waits its turn even when it comes first in the manifest; on
 * several threads, scenarios that do not wait for each other still run at once. A scenario whose
 * need failed or was skipped is not run: it is a SKIP ({@link NeedsGraph#skip}), reported in its
 * manifest place like any result.
 *
 * <p>If the calling thread is interrupted (one after another: once a scenario has ended) or while it
 * waits (several at once), the scenarios still queued are not run
 * (each becomes a SKIP saying so), the running ones are interrupted (their process trees are
 * killed), the pool waits for them, and the thread's interrupt flag is set again on return.
 */
final class ScenarioPool {
    /** The skip reason of a scenario that had not started when the gate was interrupted. */
    static final Classification INTERRUPTED = new Classification(
            FailureCategory.HOST, Interruption.RULE, "not run: the gate was interrupted before this scenario started");

    private ScenarioPool() {}

    /**
     * As {@link #runAll(Map, Map, Attempts, int, Consumer)} with nothing decided up front.
     *
     * @param sources the scenarios to run, in manifest order, with where each one's workspace comes from
     * @param runner runs one scenario, with its retries
     * @param threads how many scenarios may run at once; positive
     * @param report receives each result, in manifest order
     * @return the results, in manifest order
     */
    static List<ScenarioResult> runAll(
            Map<Scenario, Source> sources, Attempts runner, int threads, Consumer<ScenarioResult> report) {
        return runAll(sources, Map.of(), runner, threads, report);
    }

    /**
     * Runs the scenarios, each only once every scenario it needs has finished (see {@link
     * NeedsSchedule}): a scenario whose need failed or was skipped is not run but skipped ({@link
     * NeedsGraph#skip}). Scenarios that do not wait for each other run at once, up to {@code threads}.
     *
     * @param sources the scenarios to run, in manifest order, with where each one's workspace comes from
     * @param decided the results known before any scenario runs, such as the host preflight's skips;
     *     they are not run nor returned, but a scenario that needs one of them waits for nothing and is
     *     skipped
     * @param runner runs one scenario, with its retries; called from several threads at once when
     *     {@code threads > 1}
     * @param threads how many scenarios may run at once; positive
     * @param report receives each result, in manifest order
     * @return the results of {@code sources}, in manifest order
     * @throws IllegalArgumentException when a scenario needs one that is neither in {@code sources}
     *     nor in {@code decided}
     */
    static List<ScenarioResult> runAll(
            Map<Scenario, Source> sources,
            Map<Scenario, ScenarioResult> decided,
            Attempts runner,
            int threads,
            Consumer<ScenarioResult> report) {
        List<Scenario> order = new ArrayList<>(sources.keySet());
        NeedsSchedule schedule = new NeedsSchedule(order, decided.values());
        if (threads == 1 || sources.size() < 2) {
            int reported = 0;
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    schedule.waiting().forEach(scenario -> schedule.finished(interrupted(scenario)));
                }
                Scenario next = schedule.next();
                for (; reported < order.size() && schedule.result(order.get(reported)) != null; reported++) {
                    report.accept(schedule.result(order.get(reported)));
                }
                if (next == null) {
                    return schedule.results();
                }
                schedule.finished(runner.run(next, sources.get(next)));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, sources.size()), new Named());
        try {
            List<ScenarioResult> results = runOn(pool, Math.min(threads, sources.size()), sources, schedule, runner);
            results.forEach(report);
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A scenario run that ended on a pool thread: its result, or what it threw. */
    private record Ended(Scenario scenario, ScenarioResult result, Throwable thrown) {}

    /**
     * Starts each scenario as soon as its needs have finished and a thread is free, in manifest order,
     * and waits for them all.
     */
    private static List<ScenarioResult> runOn(
            ExecutorService pool, int threads, Map<Scenario, Source> sources, NeedsSchedule schedule, Attempts runner) {
        BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
        Map<Runnable, Scenario> submitted = new HashMap<>();
        int running = 0;
        boolean stopping = false;
        boolean interrupted = false;
        Throwable thrown = null;
        while (true) {
            Scenario next;
            while (!stopping && running < threads && (next = schedule.next()) != null) {
                Scenario scenario = next;
                Future<?> future = pool.submit(() -> {
                    try {
                        ended.add(new Ended(scenario, runner.run(scenario, sources.get(scenario)), null));
                    } catch (Throwable e) {
                        ended.add(new Ended(scenario, null, e));
                    }
                });
                submitted.put((Runnable) future, scenario);
                running++;
            }
            if (running == 0) {
                break;
            }
            Ended end;
            try {
                end = ended.take();
            } catch (InterruptedException e) {
                interrupted = true;
                stopping = true;
                running -= stop(pool, submitted, schedule);
                continue;
            }
            running--;
            if (end.thrown() != null) {
                if (thrown == null) {
                    thrown = end.thrown();
                    stopping = true;
                    running -= stop(pool, submitted, schedule);
                }
                schedule.finished(interrupted(end.scenario()));
            } else {
                schedule.finished(end.result());
            }
        }
        if (stopping) {
            schedule.waiting().forEach(scenario -> schedule.finished(interrupted(scenario)));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException("a scenario thread failed: " + thrown, thrown);
        }
        return schedule.results();
    }

    /**
     * Interrupts the running scenarios and drops the queued ones, so waiting for them ends.
     *
     * @return how many queued scenarios were dropped (each now an interrupted skip)
     */
    private static int stop(ExecutorService pool, Map<Runnable, Scenario> submitted, NeedsSchedule schedule) {
        int dropped = 0;
        for (Runnable queued : pool.shutdownNow()) {
            Scenario scenario = submitted.get(queued);
            if (scenario != null) {
                schedule.finished(interrupted(scenario));
                dropped++;
            }
        }
        return dropped;
    }

    private static ScenarioResult interrupted(Scenario scenario) {
        return new ScenarioResult(scenario.name(), Status.SKIP, Duration.ZERO, List.of(), null, INTERRUPTED);
    }

    /** Names the pool's threads {@code smoke-scenario-N}, as thread dumps and {@code -X} show them. */
    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "smoke-scenario-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
