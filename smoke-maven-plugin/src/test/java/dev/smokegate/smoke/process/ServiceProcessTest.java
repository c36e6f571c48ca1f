package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Readiness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts real services through {@code sh} and the fixture service; the {@code @Timeout} only guards against hangs. */
@Timeout(60)
class ServiceProcessTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The inner sh exits once its background child has become {@code sleep} (before its exec the child
     * is still a copy of sh): that sleep is re-parented to init, as a daemon's worker is.
     */
    private static final String WITH_DAEMON = "sh -c 'sleep 100 >/dev/null 2>&1 & p=$!;"
            + " until read c < /proc/$p/comm && [ \"$c\" = sleep ]; do sleep 0.01; done; echo $p'; echo up; exec sleep 100";

    @TempDir
    Path dir;

    private Path work;
    private StepLogs logs;
    private final List<ServiceProcess> started = new ArrayList<>();
    private final List<Long> pids = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectory(dir.resolve("work"));
        logs = StepLogs.in(dir.resolve("logs"), "02-serve.log");
    }

    @AfterEach
    void stopEverything() {
        started.forEach(ServiceProcess::close);
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void start_bothStreams_loggedLikeAStep() throws Exception {
        ServiceProcess service = shell("echo out; echo err >&2; exit 0");

        assertThat(service.awaitExit(READY_TIMEOUT)).isTrue();
        service.close();

        assertThat(logs.stdout()).hasContent("out");
        assertThat(logs.stderr()).hasContent("err");
        assertThat(Files.readAllLines(logs.combined())).contains("out", "err");
    }

    @Test
    void stop_exitsOnSigterm_endedBySigterm() throws IOException {
        ServiceProcess service = shell("trap 'echo stopping; exit 0' TERM; echo up; while true; do sleep 0.05; done");
        awaitLine("up");

        StopOutcome outcome = service.stop(Duration.ofSeconds(20));

        assertThat(outcome.endedBy()).isEqualTo(StopOutcome.EndedBy.SIGTERM);
        assertThat(outcome.exitCode()).isZero();
        assertThat(service.alive()).isFalse();
        assertThat(service.exitCode()).hasValue(0);
        assertThat(lastLine()).matches("\\[smoke] stopped by SIGTERM after \\d+\\.\\d s \\(exit code 0\\)");
        assertThat(Files.readAllLines(logs.combined())).contains("stopping");
        assertThat(service.stop(SHORT)).isSameAs(outcome);
    }

    @Test
    void stop_sigtermIgnored_killedAfterTheStopTimeout() throws IOException {
        ServiceProcess service = shell("trap '' TERM; echo up; while true; do sleep 0.05; done");
        awaitLine("up");

        StopOutcome outcome = service.stop(SHORT);

        assertThat(outcome.endedBy()).isEqualTo(StopOutcome.EndedBy.SIGKILL);
        assertThat(outcome.exitCode()).isEqualTo(137);
        assertThat(outcome.elapsed()).isGreaterThanOrEqualTo(SHORT);
        assertThat(service.alive()).isFalse();
        assertThat(lastLine())
                .matches("\\[smoke] killed by SIGKILL after \\d+\\.\\d s: SIGTERM did not stop it \\(exit code 137\\)");
    }

    @Test
    void stop_alreadyExited_leftAsItIs() throws Exception {
        ServiceProcess service = shell("echo bye; exit 3");
        assertThat(service.awaitExit(READY_TIMEOUT)).isTrue();

        StopOutcome outcome = service.stop(SHORT);

        assertThat(outcome.endedBy()).isEqualTo(StopOutcome.EndedBy.ALREADY_EXITED);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(lastLine()).isEqualTo("[smoke] not stopped: it had already exited with exit code 3");
    }

    @Test
    void start_programNotFound_startErrorIsAResult() throws IOException {
        ServiceProcess service = track(ServiceProcess.start(
                CommandSpec.args(List.of("no-such-program-smoke"), work, Map.of()), logs, SHORT, SHORT));

        String error = "Cannot run program \"no-such-program-smoke\" (in directory \"" + work
                + "\"): error=2, No such file or directory";
        assertThat(service.startError()).hasValue(error);
        assertThat(service.alive()).isFalse();
        assertThat(service.exitCode()).hasValue(127);
        assertThat(service.leftovers()).isEmpty();
        assertThat(service.stop(SHORT).endedBy()).isEqualTo(StopOutcome.EndedBy.ALREADY_EXITED);
        assertThat(ReadinessPoller.await(service, new Readiness(new Readiness.Tcp("127.0.0.1:1"), SHORT, SHORT)))
                .isInstanceOf(ReadinessResult.Exited.class)
                .extracting(ReadinessResult.Exited.class::cast)
                .extracting(ReadinessResult.Exited::exitCode)
                .isEqualTo(127);
        service.close();
        assertThat(Files.readString(logs.combined()))
                .isEqualTo("[smoke] " + error + "\n[smoke] not stopped: it had already exited with exit code 127\n");
    }

    @Test
    void leftovers_daemonReparentedAwayFromTheService_namedAfterStopThenKilled() throws IOException {
        ServiceProcess service = shell(WITH_DAEMON);
        long daemon = awaitDaemon();

        StopOutcome outcome = service.stop(Duration.ofSeconds(20));

        assertThat(outcome.endedBy()).isEqualTo(StopOutcome.EndedBy.SIGTERM);
        assertThat(outcome.exitCode()).isEqualTo(143);
        List<String> leftovers = service.leftovers();
        assertThat(leftovers).hasSize(1);
        assertThat(leftovers.get(0)).matches("pid " + daemon + ": (/usr)?/bin/sleep 100");
        assertThat(ProcessHandle.of(daemon).filter(ProcessTree::isRunning)).isPresent();

        assertThat(service.killLeftovers()).isEqualTo(leftovers);

        assertThat(ProcessHandle.of(daemon).filter(ProcessTree::isRunning)).isEmpty();
        assertThat(service.leftovers()).isEmpty();
        assertThat(lastLine())
                .matches("\\[smoke] killed 1 background process still running after the service stopped: " + daemon
                        + " \\((/usr)?/bin/sleep 100\\)");
    }

    @Test
    void close_notStopped_stopsWithItsTimeoutAndKillsLeftovers() throws IOException {
        ServiceProcess service = shell(WITH_DAEMON);
        long daemon = awaitDaemon();
        assertThat(LiveProcesses.contains(service)).isTrue();

        service.close();

        assertThat(service.alive()).isFalse();
        assertThat(ProcessHandle.of(daemon).filter(ProcessTree::isRunning)).isEmpty();
        assertThat(LiveProcesses.contains(service)).isFalse();
        List<String> combined = Files.readAllLines(logs.combined());
        assertThat(combined.get(combined.size() - 2))
                .matches("\\[smoke] stopped by SIGTERM after \\d+\\.\\d s \\(exit code 143\\)");
        assertThat(combined.get(combined.size() - 1))
                .startsWith("[smoke] killed 1 background process still running after the service stopped: " + daemon);
    }

    @Test
    void liveProcesses_killAll_killsRunningServicesAndSaysSo() throws Exception {
        ServiceProcess service = shell("echo up; exec sleep 100");
        awaitLine("up");

        LiveProcesses.killAll();

        assertThat(service.awaitExit(READY_TIMEOUT)).isTrue();
        assertThat(service.exitCode()).hasValue(143);
        assertThat(LiveProcesses.contains(service)).isFalse();
        assertThat(Files.readAllLines(logs.combined()))
                .contains("[smoke] killing the service and its processes: the gate is shutting down");
    }

    @Test
    void fixtureService_sigterm_gracefulShutdownEndedBySigterm() throws IOException {
        ServiceFixture fixture = ServiceFixture.compile(dir.resolve("fixture"));
        try (Ports ports = new PortReservations(dir.resolve("locks")).forScenario()) {
            int port = ports.port("http");
            ServiceProcess service = track(ServiceProcess.start(fixture.command(work, port), logs, SHORT, SHORT));
            assertThat(ReadinessPoller.await(service, httpReadiness(port))).isInstanceOf(ReadinessResult.Ready.class);

            StopOutcome outcome = service.stop(Duration.ofSeconds(20));

            assertThat(outcome.endedBy()).isEqualTo(StopOutcome.EndedBy.SIGTERM);
            assertThat(outcome.exitCode()).isEqualTo(143);
            List<String> combined = Files.readAllLines(logs.combined());
            assertThat(combined).contains("Stopping service", "Graceful shutdown complete");
            assertThat(lastLine()).matches("\\[smoke] stopped by SIGTERM after \\d+\\.\\d s \\(exit code 143\\)");
        }
    }

    /**
     * {@code service.run} starts the service through {@code sh -c}. The JDK closes a child's output
     * pipes when that child exits, so if the shell died first the JVM's shutdown-hook lines were lost
     * (seen in 3 of 4 stops before the fix); and a JVM whose first thread has exited shows {@code Z}
     * while its hooks still run. Three rounds, so a race would show.
     */
    @Test
    void fixtureServiceThroughShell_sigterm_keepsTheLinesItPrintsWhileStopping() throws IOException {
        ServiceFixture fixture = ServiceFixture.compile(dir.resolve("fixture"));
        try (Ports ports = new PortReservations(dir.resolve("locks")).forScenario()) {
            for (int round = 1; round <= 3; round++) {
                int port = ports.port("http" + round);
                StepLogs roundLogs = StepLogs.in(dir.resolve("logs-" + round), "01-serve.log");
                String line = String.join(" ", fixture.command(work, port).command());
                ServiceProcess service =
                        track(ServiceProcess.start(CommandSpec.shell(line, work, Map.of()), roundLogs, SHORT, SHORT));
                assertThat(ReadinessPoller.await(service, httpReadiness(port)))
                        .isInstanceOf(ReadinessResult.Ready.class);

                StopOutcome outcome = service.stop(Duration.ofSeconds(20));

                assertThat(outcome.endedBy()).isEqualTo(StopOutcome.EndedBy.SIGTERM);
                assertThat(Files.readAllLines(roundLogs.combined()))
                        .as("round %d", round)
                        .containsSubsequence(
                                "Stopping service",
                                "Graceful shutdown complete",
                                "[smoke] stopped by SIGTERM after " + Durations.elapsed(outcome.elapsed())
                                        + " (exit code " + outcome.exitCode() + ")");
            }
        }
    }

    @Test
    void fixtureService_ignoresSigterm_killedBySigkill() throws IOException {
        ServiceFixture fixture = ServiceFixture.compile(dir.resolve("fixture"));
        try (Ports ports = new PortReservations(dir.resolve("locks")).forScenario()) {
            int port = ports.port("http");
            ServiceProcess service =
                    track(ServiceProcess.start(fixture.command(work, port, "--ignore-sigterm"), logs, SHORT, SHORT));
            assertThat(ReadinessPoller.await(service, httpReadiness(port))).isInstanceOf(ReadinessResult.Ready.class);

            StopOutcome outcome = service.stop(Duration.ofSeconds(1));

            assertThat(outcome.endedBy()).isEqualTo(StopOutcome.EndedBy.SIGKILL);
            assertThat(outcome.exitCode()).isEqualTo(137);
            assertThat(Files.readAllLines(logs.combined())).contains("Ignoring SIGTERM");
        }
    }

    @Test
    void fixtureService_daemonize_workerIsALeftover() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "finding re-parented processes needs /proc");
        ServiceFixture fixture = ServiceFixture.compile(dir.resolve("fixture"));
        try (Ports ports = new PortReservations(dir.resolve("locks")).forScenario()) {
            int port = ports.port("http");
            ServiceProcess service =
                    track(ServiceProcess.start(fixture.command(work, port, "--daemonize"), logs, SHORT, SHORT));
            assertThat(ReadinessPoller.await(service, httpReadiness(port))).isInstanceOf(ReadinessResult.Ready.class);

            service.stop(Duration.ofSeconds(20));

            List<String> leftovers = service.leftovers();
            assertThat(leftovers).hasSize(1);
            assertThat(leftovers.get(0)).matches("pid \\d+: (/usr)?/bin/sleep 600");
            pids.add(Long.parseLong(leftovers.get(0).replaceAll("pid (\\d+):.*", "$1")));
            assertThat(service.killLeftovers()).isEqualTo(leftovers);
            assertThat(service.leftovers()).isEmpty();
        }
    }

    private static Readiness httpReadiness(int port) {
        return new Readiness(
                new Readiness.Http("http://127.0.0.1:" + port + "/healthz", List.of(), List.of()),
                READY_TIMEOUT,
                Readiness.DEFAULT_INTERVAL);
    }

    private ServiceProcess shell(String line) {
        return track(ServiceProcess.start(CommandSpec.shell(line, work, Map.of()), logs, SHORT, SHORT));
    }

    private ServiceProcess track(ServiceProcess service) {
        started.add(service);
        return service;
    }

    private void awaitLine(String line) {
        ServiceProcess probe = started.get(started.size() - 1);
        Readiness readiness = new Readiness(new Readiness.Log("^" + line + "$"), READY_TIMEOUT, Duration.ofMillis(20));
        assertThat(ReadinessPoller.await(probe, readiness)).isInstanceOf(ReadinessResult.Ready.class);
    }

    /** Waits until the {@link #WITH_DAEMON} service is up; returns its daemon's pid. */
    private long awaitDaemon() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "finding re-parented processes needs /proc");
        awaitLine("up");
        long daemon = Long.parseLong(Files.readAllLines(logs.stdout()).get(0));
        pids.add(daemon);
        return daemon;
    }

    private String lastLine() throws IOException {
        List<String> lines = Files.readAllLines(logs.combined(), StandardCharsets.UTF_8);
        return lines.get(lines.size() - 1);
    }
}
