package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hook's body ({@link ShutdownWatch#stop()}) is run on a thread of the test, not at a JVM shutdown. */
@Timeout(60)
class ShutdownWatchTest {
    private static final Scenario SCENARIO = NeedsGraphTest.scenario("sleeper");

    private Thread hook;

    @AfterEach
    void clearFlag() throws InterruptedException {
        Thread.interrupted();
        if (hook != null) {
            hook.join();
        }
    }

    @Test
    void stop_whileScenariosRun_interruptsTheEngineAndWaitsUntilItEnds() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        ShutdownWatch[] watch = new ShutdownWatch[1];
        Thread engine = new Thread(() -> {
            watch[0].scenariosStart();
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            events.add("scenarios ended, stopped: " + watch[0].scenariosEnd());
            events.add("reports written, flag: " + Thread.currentThread().isInterrupted());
            watch[0].close();
        });
        watch[0] = new ShutdownWatch(engine, Duration.ofSeconds(30));
        engine.start();
        running.await();

        watch[0].stop();
        events.add("hook returned");

        assertThat(interrupted).isTrue();
        assertThat(events)
                .containsExactly("scenarios ended, stopped: true", "reports written, flag: false", "hook returned");
        engine.join();
    }

    @Test
    void stop_beforeTheScenarios_interruptsThemAsTheyStart() throws Exception {
        ShutdownWatch watch = new ShutdownWatch(Thread.currentThread(), Duration.ofSeconds(30));
        stopOnHookThread(watch);

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        watch.scenariosStart();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(watch.scenariosEnd()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        watch.close();
    }

    @Test
    void stop_afterTheScenarios_leavesTheEngineUninterrupted() throws Exception {
        ShutdownWatch watch = new ShutdownWatch(Thread.currentThread(), Duration.ofSeconds(30));
        watch.scenariosStart();
        assertThat(watch.scenariosEnd()).isFalse();

        stopOnHookThread(watch);

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        watch.close();
    }

    @Test
    void guard_failureWhileStopped_becomesInterruptedAtItsStep() throws Exception {
        ShutdownWatch watch = new ShutdownWatch(Thread.currentThread(), Duration.ofSeconds(30));
        stopOnHookThread(watch);
        StepFailure died = new StepFailure(
                "wait",
                null,
                null,
                "expected service web to keep running",
                "service web exited with 143",
                null,
                List.of("last line"),
                new Classification(FailureCategory.RUNTIME, "runtime.exit", "exit 143"));
        ScenarioResult failed = new ScenarioResult(
                "sleeper",
                Status.FAIL,
                Duration.ofSeconds(3),
                List.of(new StepRecord("wait", 1, Duration.ofMillis(2_500), false)),
                died,
                null);

        ScenarioResult result = watch.guard((scenario, source) -> failed).run(SCENARIO, SCENARIO.source());
        watch.close();

        StepFailure failure = result.failure();
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(failure.step()).isEqualTo("wait");
        assertThat(failure.expectation()).isEqualTo("expected the gate to run to its end");
        assertThat(failure.seen()).isEqualTo("interrupted after 2.5 s: stopped 0 processes");
        assertThat(failure.classification().toString())
                .isEqualTo("host — rule host.interrupted (the gate was stopped) — evidence: the gate was stopped"
                        + " (SIGTERM or Ctrl-C to the build) while this ran, which failed meanwhile: service web"
                        + " exited with 143");
        assertThat(failure.tail()).containsExactly("last line");
    }

    @Test
    void guard_exceptionWhileStopped_becomesInterruptedAtPrepare() throws Exception {
        ShutdownWatch watch = new ShutdownWatch(Thread.currentThread(), Duration.ofSeconds(30));
        stopOnHookThread(watch);

        ScenarioResult result = watch.guard((scenario, source) -> {
                    throw new IllegalStateException("clone aborted");
                })
                .run(SCENARIO, SCENARIO.source());
        watch.close();

        assertThat(result.failure().step()).isEqualTo("prepare");
        assertThat(result.failure().seen()).matches("interrupted after \\d+\\.\\d s: stopped 0 processes");
        assertThat(result.failure().classification().evidence())
                .isEqualTo("the gate was stopped (SIGTERM or Ctrl-C to the build) while the scenario ran, which then"
                        + " failed with: java.lang.IllegalStateException: clone aborted");
    }

    @Test
    void guard_exceptionWithoutStop_passesOn() {
        ShutdownWatch watch = new ShutdownWatch(Thread.currentThread(), Duration.ofSeconds(30));

        assertThatThrownBy(() -> watch.guard((scenario, source) -> {
                            throw new IllegalStateException("a bug");
                        })
                        .run(SCENARIO, SCENARIO.source()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a bug");
        watch.close();
    }

    @Test
    void guard_passWhileStopped_staysAPass() throws Exception {
        ShutdownWatch watch = new ShutdownWatch(Thread.currentThread(), Duration.ofSeconds(30));
        stopOnHookThread(watch);
        ScenarioResult passed = new ScenarioResult("sleeper", Status.PASS, Duration.ZERO, List.of(), null, null);

        assertThat(watch.guard((scenario, source) -> passed).run(SCENARIO, SCENARIO.source()))
                .isSameAs(passed);
        watch.close();
    }

    @Test
    void toString_namesTheThreadAndTheWait() {
        assertThat(new ShutdownWatch(new Thread(() -> {}, "main"), ShutdownWatch.REPORT_WAIT))
                .hasToString("ShutdownWatch[main, waits up to 10 s for the reports]");
    }

    /** Runs the hook's body on a thread of its own, which waits for {@link ShutdownWatch#close()}. */
    private void stopOnHookThread(ShutdownWatch watch) throws InterruptedException {
        hook = new Thread(watch::stop, "test-hook");
        hook.start();
        while (!watch.stopped()) {
            Thread.sleep(5);
        }
    }
}
