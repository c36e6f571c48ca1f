package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * <p>If the calling thread is interrupted while it waits, the scenarios still queued are not run
 * (each becomes a SKIP saying so), the running ones are interrupted (their process trees are
 * killed), the pool waits for them, and the thread's interrupt flag is set again on return.
 */
final class ScenarioPool {
    /** The skip reason of a scenario that had not started when the gate was interrupted. */
    static final Classification INTERRUPTED = new Classification(
            FailureCategory.HOST,
            "host.interrupted (the gate was stopped)",
            "not run: the gate was interrupted before this scenario started");

    private ScenarioPool() {}

    /**
     * @param sources the scenarios to run, in manifest order, with where each one's workspace comes from
     * @param runner runs one scenario, with its retries; called from several threads at once when
     *     {@code threads > 1}
     * @param threads how many scenarios may run at once; positive
     * @param report receives each result, in manifest order
     * @return the results, in manifest order
     */
    static List<ScenarioResult> runAll(
            Map<Scenario, Source> sources, Attempts runner, int threads, Consumer<ScenarioResult> report) {
        if (threads == 1 || sources.size() < 2) {
            List<ScenarioResult> results = new ArrayList<>();
            sources.forEach((scenario, source) -> {
                ScenarioResult result = runner.run(scenario, source);
                results.add(result);
                report.accept(result);
            });
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, sources.size()), new Named());
        try {
            List<Future<ScenarioResult>> futures = new ArrayList<>();
            sources.forEach((scenario, source) -> futures.add(pool.submit(() -> runner.run(scenario, source))));
            pool.shutdown();
            List<ScenarioResult> results = collect(new ArrayList<>(sources.keySet()), futures, pool);
            results.forEach(report);
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ScenarioResult> collect(
            List<Scenario> scenarios, List<Future<ScenarioResult>> futures, ExecutorService pool) {
        List<ScenarioResult> results = new ArrayList<>();
        Throwable thrown = null;
        boolean interrupted = false;
        for (int i = 0; i < futures.size(); i++) {
            while (true) {
                try {
                    results.add(futures.get(i).get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop(pool);
                } catch (CancellationException e) {
                    results.add(new ScenarioResult(
                            scenarios.get(i).name(), Status.SKIP, Duration.ZERO, List.of(), null, INTERRUPTED));
                    break;
                } catch (ExecutionException e) {
                    if (thrown == null) {
                        thrown = e.getCause();
                        stop(pool);
                    }
                    break;
                }
            }
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
        return results;
    }

    /** Interrupts the running scenarios and cancels the queued ones, so waiting for them ends. */
    private static void stop(ExecutorService pool) {
        for (Runnable queued : pool.shutdownNow()) {
            if (queued instanceof Future<?> future) {
                future.cancel(false);
            }
        }
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
