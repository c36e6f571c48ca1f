package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command stopped with the gate: its thread interrupted, or its tree killed by the JVM's
 * shutdown hook first. Runs real processes; the {@code @Timeout} only guards against hangs.
 */
@Timeout(60)
class ProcessRunnerInterruptTest {
    /** Three processes: the shell, which waits, and two background sleeps. */
    private static final String THREE_PROCESSES = "sleep 600 & sleep 600 & echo ready; wait";

    @TempDir
    Path dir;

    @Test
    void run_threadInterrupted_killsTheTreeAndCountsItsProcesses() throws Exception {
        Running running = start(THREE_PROCESSES);

        running.thread.interrupt();
        running.thread.join();

        ProcessOutcome outcome = running.outcome.get();
        assertThat(outcome.interrupted()).isTrue();
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.stopped()).isEqualTo(3);
        assertThat(running.flagSetOnReturn.get()).isTrue();
        assertThat(Files.readAllLines(running.logs.combined()).get(1))
                .matches("\\[smoke] killed after \\d+\\.\\d s: interrupted");
        assertThat(running.pids())
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessTree::isRunning))
                        .isEmpty());
    }

    @Test
    void run_treeKilledByTheShutdownHookFirst_isInterruptedToo() throws Exception {
        Running running = start(THREE_PROCESSES);

        LiveProcesses.killAll();
        running.thread.join();

        ProcessOutcome outcome = running.outcome.get();
        assertThat(outcome.interrupted()).isTrue();
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(143);
        assertThat(outcome.stopped()).isEqualTo(3);
        assertThat(running.flagSetOnReturn.get()).isTrue();
        assertThat(outcome.toString()).matches("killed after \\d+\\.\\d s: interrupted \\(exit code 143\\)");
    }

    @Test
    void run_oneProcess_countsOne() throws Exception {
        Running running = start("echo ready; exec sleep 600");

        running.thread.interrupt();
        running.thread.join();

        assertThat(running.outcome.get().stopped()).isEqualTo(1);
    }

    /** A command running on a thread of its own, started once it printed {@code ready}. */
    private record Running(
            Thread thread,
            StepLogs logs,
            AtomicReference<ProcessOutcome> outcome,
            AtomicBoolean flagSetOnReturn,
            Path pidFile) {
        List<Long> pids() throws IOException {
            return Files.readAllLines(pidFile).stream().map(Long::parseLong).toList();
        }
    }

    private Running start(String command) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        StepLogs logs = StepLogs.in(dir.resolve("logs"), "01-step.log");
        AtomicReference<ProcessOutcome> outcome = new AtomicReference<>();
        AtomicBoolean flag = new AtomicBoolean();
        Path pidFile = dir.resolve("pids");
        Files.writeString(pidFile, "");
        Thread thread = new Thread(() -> {
            outcome.set(new ProcessRunner(new RecordingLog(), Duration.ofMillis(500), Duration.ofMillis(500))
                    .run(
                            CommandSpec.shell("echo $$ > " + pidFile + "; " + command, work, Map.of()),
                            logs,
                            Instant.now().plusSeconds(120)));
            flag.set(Thread.currentThread().isInterrupted());
        });
        thread.start();
        while (!Files.exists(logs.stdout())
                || !Files.readString(logs.stdout(), StandardCharsets.UTF_8).contains("ready")) {
            Thread.sleep(20);
        }
        return new Running(thread, logs, outcome, flag, pidFile);
    }
}
