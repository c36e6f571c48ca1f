package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Services as a user runs them: a real forked {@code mvn} on the sample project {@code services},
 * whose scenarios start the fixture service from a clean git repository, wait until it is ready,
 * probe it and stop it, or watch it fail in one of its ways. Each test asserts the lines the user
 * reads, and that no process of the run is alive afterwards: the forked build carries a {@link
 * RunMarker} that every process it starts inherits.
 */
class ServicesIT {
    /** How long the processes of a finished run get to disappear before they count as survivors. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private static Path service;

    private RunMarker marker;

    @BeforeAll
    static void fixtures() throws Exception {
        service = FixtureRepos.service(ForkedMaven.scratch("services").resolve("service"));
    }

    @BeforeEach
    void mark(TestInfo test) {
        marker = RunMarker.of(test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void killSurvivors() throws Exception {
        marker.close();
    }

    /** The fixture properties, then {@code extra}. */
    private static String[] args(String... extra) {
        List<String> all = new ArrayList<>(List.of(
                "verify",
                "-Dfixture.service=" + service,
                "-Dfixture.java=" + Path.of(System.getProperty("java.home"), "bin", "java")));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    /** Runs {@code mvn -B verify} with the fixture properties and {@code extra}, then checks that nothing of it survived. */
    private ForkedMaven.Result verify(Path project, String... extra) throws Exception {
        ForkedMaven.Result result = ForkedMaven.mvn(project, marker.environment(), args(extra));
        assertNoSurvivors(result);
        return result;
    }

    private void assertNoSurvivors(ForkedMaven.Result result) throws Exception {
        assertThat(marker.awaitNoneAlive(PATIENCE))
                .as("processes of the run still alive " + PATIENCE.toSeconds() + " s after it ended (" + result + ")")
                .isEmpty();
    }

    /** A line that matches the regex {@code regex} as a whole. */
    private static ThrowingConsumer<String> matching(String regex) {
        return line -> assertThat(line).matches(regex);
    }

    /** The log of step {@code step} of {@code scenario}, such as {@code 01-serve.log}. */
    private static Path stepLog(Path project, String scenario, String step) {
        return project.resolve("target/smoke/" + scenario + "/" + step + ".log");
    }

    @Test
    void verify_serviceReadyAndProbed_passesAndSaysWhenItWasReady() throws Exception {
        Path project = ForkedMaven.project("services", "ready-and-probed");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=ready-and-probed");

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .anySatisfy(matching("\\[smoke] ready-and-probed › serve: ready after \\d+\\.\\d s"
                        + " \\(http 200 from /healthz\\)"))
                .anySatisfy(passLine("ready-and-probed"));
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
        assertThat(stepLog(project, "ready-and-probed", "02-greet"))
                .content()
                .contains("GET http://127.0.0.1:")
                .contains("{\"greeting\":\"hello, Ada\"");
    }

    @Test
    void verify_serviceCrashesBeforeReady_failsAsRuntimeWithExitCodeAndLog() throws Exception {
        Path project = ForkedMaven.project("services", "crash-before-ready");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=crash-before-ready");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains(
                        "[smoke] FAIL crash-before-ready › serve: expected service app to be ready within 1m — log: target/smoke/crash-before-ready/01-serve.log")
                .contains(
                        "[smoke]   exit code: 3",
                        "[smoke]   class:     runtime (rule runtime.exited-before-ready (the service's process ended"
                                + " before its readiness probe passed))",
                        "[smoke]   evidence:  exit code 3: FATAL: configuration invalid: missing key 'db.url'",
                        "[smoke]   | FATAL: configuration invalid: missing key 'db.url'");
        assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped");
    }

    @Test
    void verify_serviceNeverReady_failsAsRuntimeWithTheLastProbe() throws Exception {
        Path project = ForkedMaven.project("services", "never-ready");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=never-ready");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains(
                        "[smoke] FAIL never-ready › serve: expected service app to be ready within 10s — log: target/smoke/never-ready/01-serve.log")
                .anySatisfy(matching("\\[smoke]   seen:      still not ready after 1\\d\\.\\d s;"
                        + " the last probe saw http 503: \\{\"status\":\"STARTING\"}"))
                .contains(
                        "[smoke]   class:     runtime (rule runtime.not-ready (the service kept running but its"
                                + " readiness probe did not pass in time))",
                        "[smoke]   evidence:  last probe: http 503: {\"status\":\"STARTING\"}");
        assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped");
    }

    @Test
    void verify_portHeldByAnotherProcess_failsAsHostNamingThePort() throws Exception {
        Path project = ForkedMaven.project("services", "port-held");
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = held.getLocalPort();

            ForkedMaven.Result result =
                    verify(project, "-Dsmoke.manifest=src/smoke/held-port.toml", "-Dfixture.heldPort=" + port);

            assertExit(result, 1);
            assertThat(result.smokeLines())
                    .contains(
                            "[smoke] FAIL port-held › serve: expected service app to be ready within 1m — log: target/smoke/port-held/01-serve.log")
                    .contains(
                            "[smoke]   exit code: 1",
                            "[smoke]   class:     host (rule host.port-in-use (a service could not listen: another"
                                    + " process holds its port))",
                            "[smoke]   evidence:  port " + port + ": Cannot listen on 127.0.0.1:" + port
                                    + ": java.net.BindException: Address already in use");
            assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped");
        }
    }

    @Test
    void verify_probeAnswers500_failsAsRuntimeWithTheBodyAndTheServicesLog() throws Exception {
        Path project = ForkedMaven.project("services", "probe-500");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=probe-500");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains(
                        "[smoke] FAIL probe-500 › greet: expected HTTP status 200 — log: target/smoke/probe-500/02-greet.log")
                .containsSubsequence(
                        "[smoke]   seen:      HTTP status 500",
                        "[smoke]   class:     runtime (rule runtime.probe-failed (the probe got an answer, but not"
                                + " the expected one))",
                        "[smoke]   evidence:  HTTP 500 {\"error\":\"database unavailable\"}",
                        "[smoke]   | {\"error\":\"database unavailable\"}",
                        "[smoke]   service app, last 4 lines of target/smoke/probe-500/01-serve.log:",
                        "[smoke]   | ERROR GET /api/greeting -> 500: database unavailable");
        assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped");
    }

    @Test
    void verify_serviceIgnoresSigterm_isKilledAfterTheStopTimeoutAndPasses() throws Exception {
        Path project = ForkedMaven.project("services", "sigterm-ignored");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=sigterm-ignored");

        assertExit(result, 0);
        assertThat(result.smokeLines()).anySatisfy(passLine("sigterm-ignored"));
        assertThat(lines(stepLog(project, "sigterm-ignored", "02-stop")))
                .anySatisfy(matching("\\[smoke] service app \\(.*\\): killed by SIGKILL after \\d+\\.\\d s:"
                        + " SIGTERM did not stop it \\(exit code 137\\)"));
    }

    @Test
    void verify_daemonizedChildWithNoLeftoverProcesses_failsAsRuntimeNamingIt() throws Exception {
        Path project = ForkedMaven.project("services", "daemonized");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=daemonized");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains(
                        "[smoke] FAIL daemonized › stop: expected no process left running — log: target/smoke/daemonized/02-stop.log")
                .contains("[smoke]   class:     runtime (rule runtime.leftover-process (a process was still running"
                        + " after its step and the step expected none))")
                .anySatisfy(matching("\\[smoke]   evidence:  pid \\d+: (/\\S+/)?sleep 600"));
        assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped");
    }

    @Test
    void verify_sigtermToMavenWhileAServiceRuns_leavesNoSurvivorAndReadableLogs() throws Exception {
        Path project = ForkedMaven.project("services", "interrupted");
        ForkedMaven.Running running =
                ForkedMaven.start(project, marker.environment(), args("-Dsmoke.scenario=interrupted"));
        // The step's log, not the console: the gate prints the step's line before its process starts.
        running.awaitInFile(
                project.resolve("target/smoke/interrupted/02-hold.log"), "holding", Duration.ofSeconds(120));
        assertThat(marker.find("ServiceMain.java")).as("the service runs").isPresent();
        List<RunMarker.Survivor> alive = marker.alive();
        RunMarker.Survivor maven = alive.stream()
                .filter(process -> process.commandLine().contains("org.codehaus.plexus.classworlds.launcher.Launcher"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Maven JVM among " + alive));

        assertThat(ProcessHandle.of(maven.pid()).map(ProcessHandle::destroy))
                .as("SIGTERM to " + maven)
                .contains(true);
        ForkedMaven.Result result = running.await();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(143);
        assertNoSurvivors(result);
        assertThat(stepLog(project, "interrupted", "01-serve"))
                .content()
                .containsPattern("Started service on port \\d+ in \\d+ ms")
                .contains("[smoke] killing the service and its processes: the gate is shutting down");
        assertThat(stepLog(project, "interrupted", "02-hold")).content().contains("holding");
    }

    @Test
    void verify_twoServiceScenariosOnTwoThreads_bothPassOnDifferentPorts() throws Exception {
        Path project = ForkedMaven.project("services", "parallel");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=parallel-*", "-Dsmoke.threads=2");

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .contains("[smoke] running up to 2 scenarios at once; their results follow when all have finished");
        assertThat(result.smokeLines().stream().filter(line -> line.startsWith("[smoke] PASS ")))
                .satisfiesExactly(passLine("parallel-a"), passLine("parallel-b"));
        assertThat(result.summary()).isEqualTo("Smoke: 2 passed, 0 failed, 0 skipped");
        int portA = servicePort(stepLog(project, "parallel-a", "01-serve"));
        int portB = servicePort(stepLog(project, "parallel-b", "01-serve"));
        assertThat(portA).as("the port of parallel-a").isNotEqualTo(portB);
    }

    @Test
    void verify_stepLongerThanTheHeartbeat_saysItIsStillRunning() throws Exception {
        Path project = ForkedMaven.project("services", "heartbeat");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=heartbeat", "-Dsmoke.heartbeat=1s");

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .contains("[smoke] heartbeat › warm-up (1/1): echo warming up; sleep 3; echo warm")
                .anySatisfy(matching("\\[smoke] heartbeat › warm-up still running \\([12]s\\): warming up"))
                .anySatisfy(passLine("heartbeat"));
    }

    /** The port in the service's {@code Started service on port N} line. */
    private static int servicePort(Path log) throws IOException {
        Pattern started = Pattern.compile("Started service on port (\\d+) ");
        Optional<Matcher> found =
                lines(log).stream().map(started::matcher).filter(Matcher::find).findFirst();
        return Integer.parseInt(found.orElseThrow(() -> new AssertionError("no start line in " + log))
                .group(1));
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }
}
