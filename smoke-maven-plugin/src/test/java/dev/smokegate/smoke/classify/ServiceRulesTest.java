package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.smoke.classify.Evidence.ServiceProblem;
import dev.smokegate.smoke.model.FailureCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules for services, probes and leftover processes, and where they stand in the table. */
class ServiceRulesTest extends RuleTestSupport {
    private static final String PORT_IN_USE =
            "host.port-in-use (a service could not listen: another process holds its port)";
    private static final String EXITED =
            "runtime.exited-before-ready (the service's process ended before its" + " readiness probe passed)";
    private static final String NOT_READY =
            "runtime.not-ready (the service kept running but its readiness probe did not pass in time)";
    private static final String UNREACHABLE =
            "runtime.probe-unreachable (the probe got no answer: nothing listens, or it does not answer in time)";
    private static final String PROBE_FAILED =
            "runtime.probe-failed (the probe got an answer, but not the expected one)";
    private static final String LEFTOVER =
            "runtime.leftover-process (a process was still running after its step and the step expected none)";

    private static Evidence exited(int exitCode, String... tail) {
        return new Evidence.Service("app", ServiceProblem.EXITED_BEFORE_READY, exitCode, null, null, List.of(tail));
    }

    private static Evidence notReady(String lastProbe, String... tail) {
        return new Evidence.Service("app", ServiceProblem.NOT_READY, null, null, lastProbe, List.of(tail));
    }

    // --- host.port-in-use ---

    @Test
    void classify_bindExceptionWithPort_hostPortInUseNamingPort() {
        assertClassified(
                exited(
                        1,
                        "Starting service on 127.0.0.1:8080 (pid 4242)",
                        "Cannot listen on 127.0.0.1:8080: java.net.BindException: Address already in use"),
                FailureCategory.HOST,
                PORT_IN_USE,
                "port 8080: Cannot listen on 127.0.0.1:8080: java.net.BindException: Address already in use");
    }

    @Test
    void classify_springBootPortLine_namesPort() {
        assertClassified(
                exited(
                        1,
                        "***************************",
                        "Web server failed to start. Port 8081 was already in use.",
                        ""),
                FailureCategory.HOST,
                PORT_IN_USE,
                "port 8081: Web server failed to start. Port 8081 was already in use.");
    }

    @Test
    void classify_portOnlyOnAnEarlierBindLine_namesItWithTheLastLine() {
        assertClassified(
                exited(
                        1,
                        "Failed to bind to /0.0.0.0:9090",
                        "Caused by: java.net.BindException: Address already in use",
                        "\tat sun.nio.ch.Net.bind0(Native Method)"),
                FailureCategory.HOST,
                PORT_IN_USE,
                "port 9090: Caused by: java.net.BindException: Address already in use");
    }

    @Test
    void classify_bindLineWithoutPort_evidenceIsTheLine() {
        assertClassified(
                exited(1, "12:00:01.123 ERROR java.net.BindException: Address already in use"),
                FailureCategory.HOST,
                PORT_IN_USE,
                "12:00:01.123 ERROR java.net.BindException: Address already in use");
    }

    @Test
    void classify_nodeEaddrinuse_hostPortInUse() {
        assertClassified(
                exited(1, "Error: listen EADDRINUSE: address already in use :::3000"),
                FailureCategory.HOST,
                PORT_IN_USE,
                "port 3000: Error: listen EADDRINUSE: address already in use :::3000");
    }

    @Test
    void classify_bindFailureWhileNotReady_portInUseBeatsNotReady() {
        assertClassified(
                notReady("connection refused", "Management server: java.net.BindException: Address already in use"),
                FailureCategory.HOST,
                PORT_IN_USE,
                "Management server: java.net.BindException: Address already in use");
    }

    @Test
    void classify_bindLineInARunStep_notPortInUse() {
        Evidence evidence = new Evidence.Process(
                1, false, null, true, List.of("java.net.BindException: Address already in use"), null);

        assertThat(classifier.classify(evidence).rule()).startsWith("runtime.exit-code ");
    }

    // --- host and source evidence still wins for services ---

    @Test
    void classify_serviceCommandNotFound_hostCommandNotFound() {
        assertClassified(
                exited(127, "sh: 1: ./mvnw: not found"),
                FailureCategory.HOST,
                "host.command-not-found (exit 127: POSIX sh, command not found)",
                "sh: 1: ./mvnw: not found");
    }

    @Test
    void classify_serviceCouldNotStart_hostCommandNotFoundWithStartError() {
        String startError = "Cannot run program \"app\": error=2, No such file or directory";
        Evidence evidence =
                new Evidence.Service("app", ServiceProblem.EXITED_BEFORE_READY, 127, startError, null, List.of());

        assertClassified(
                evidence,
                FailureCategory.HOST,
                "host.command-not-found (exit 127: POSIX sh, command not found)",
                startError);
    }

    @Test
    void classify_serviceDiskFull_hostDiskFullEvenWhenStillRunning() {
        assertClassified(
                notReady("HTTP 503 {\"status\":\"STARTING\"}", "java.io.IOException: No space left on device"),
                FailureCategory.HOST,
                "host.disk-full (the file system is full)",
                "java.io.IOException: No space left on device");
    }

    @Test
    void classify_serviceFailsToCompile_sourceCompileError() {
        assertClassified(
                exited(1, "[ERROR] COMPILATION ERROR :", "[ERROR] App.java:[3,8] class Ap is public"),
                FailureCategory.SOURCE,
                "source.compile-error (the repository's code does not compile)",
                "[ERROR] App.java:[3,8] class Ap is public");
    }

    @Test
    void classify_commandNotFoundAndBindLine_commandNotFoundWinsByOrder() {
        assertThat(classifier
                        .classify(exited(127, "java.net.BindException: Address already in use", "sh: 1: x: not found"))
                        .rule())
                .startsWith("host.command-not-found ");
    }

    // --- runtime.exited-before-ready ---

    @Test
    void classify_crashBeforeReady_exitCodeAndLastLine() {
        assertClassified(
                exited(
                        3,
                        "Starting service on 127.0.0.1:8080 (pid 7)",
                        "  FATAL: configuration invalid: missing key 'db.url'  ",
                        ""),
                FailureCategory.RUNTIME,
                EXITED,
                "exit code 3: FATAL: configuration invalid: missing key 'db.url'");
    }

    @Test
    void classify_stdoutLineAfterTheFatalLine_fatalLineIsTheEvidence() {
        assertClassified(
                exited(
                        3,
                        "Starting service on 127.0.0.1:8080 (pid 7)",
                        "FATAL: configuration invalid: missing key 'db.url'",
                        "Loading configuration"),
                FailureCategory.RUNTIME,
                EXITED,
                "exit code 3: FATAL: configuration invalid: missing key 'db.url'");
    }

    @Test
    void classify_exitedSilently_saysNothingPrinted() {
        assertClassified(exited(1), FailureCategory.RUNTIME, EXITED, "exit code 1 (the service printed nothing)");
    }

    @Test
    void classify_exitedBySignal_exitedBeforeReadyNotSignal() {
        assertClassified(exited(143, "Terminated"), FailureCategory.RUNTIME, EXITED, "exit code 143: Terminated");
    }

    // --- runtime.not-ready ---

    @Test
    void classify_neverReady_whatTheLastProbeSaw() {
        assertClassified(
                notReady("HTTP 503 {\"status\":\"STARTING\"}", "Started service on port 8080 in 400 ms"),
                FailureCategory.RUNTIME,
                NOT_READY,
                "last probe: HTTP 503 {\"status\":\"STARTING\"}");
    }

    @Test
    void classify_notReadyWithoutProbeResult_lastLine() {
        assertClassified(
                notReady(null, "Waiting for database...", ""),
                FailureCategory.RUNTIME,
                NOT_READY,
                "Waiting for database...");
        assertClassified(notReady(null), FailureCategory.RUNTIME, NOT_READY, "(the service printed nothing)");
    }

    @Test
    void service_exitedWithoutExitCodeOrStartError_rejected() {
        assertThatThrownBy(() ->
                        new Evidence.Service("app", ServiceProblem.EXITED_BEFORE_READY, null, null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a service that exited has an exit code or a start error");
    }

    // --- probes ---

    @Test
    void classify_probeConnectionRefused_probeUnreachable() {
        assertClassified(
                new Evidence.Probe("GET http://127.0.0.1:8080/api/greeting", "connection refused", null, null),
                FailureCategory.RUNTIME,
                UNREACHABLE,
                "GET http://127.0.0.1:8080/api/greeting: connection refused");
    }

    @Test
    void classify_tcpProbeTimedOut_probeUnreachable() {
        assertClassified(
                new Evidence.Probe("connect 127.0.0.1:6379", "connect timed out after 10s", null, null),
                FailureCategory.RUNTIME,
                UNREACHABLE,
                "connect 127.0.0.1:6379: connect timed out after 10s");
    }

    @Test
    void classify_probeStatusCheckFailed_probeFailedWithCheckEvidence() {
        assertClassified(
                new Evidence.Probe(
                        "GET http://127.0.0.1:8080/api/greeting",
                        null,
                        500,
                        "HTTP 500 {\"error\":\"database unavailable\"}"),
                FailureCategory.RUNTIME,
                PROBE_FAILED,
                "HTTP 500 {\"error\":\"database unavailable\"}");
    }

    @Test
    void classify_probeBodyCheckWithoutEvidence_statusAsEvidence() {
        assertClassified(
                new Evidence.Probe("GET http://127.0.0.1:8080/", null, 200, null),
                FailureCategory.RUNTIME,
                PROBE_FAILED,
                "HTTP 200");
    }

    @Test
    void classify_tcpBodyCheckWithoutEvidence_requestAsEvidence() {
        assertClassified(
                new Evidence.Probe("connect 127.0.0.1:6379", null, null, null),
                FailureCategory.RUNTIME,
                PROBE_FAILED,
                "connect 127.0.0.1:6379");
    }

    // --- runtime.leftover-process ---

    @Test
    void classify_leftover_firstProcessAsEvidence() {
        assertClassified(
                new Evidence.Leftover(List.of("pid 4242: sleep 600", "pid 4243: sleep 600")),
                FailureCategory.RUNTIME,
                LEFTOVER,
                "pid 4242: sleep 600");
    }

    @Test
    void leftover_none_rejected() {
        assertThatThrownBy(() -> new Evidence.Leftover(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a leftover failure names at least one process");
    }

    // --- rules() ---

    @Test
    void rules_listed_inOrderTriedWithCategory() {
        List<String> rules = classifier.rules();

        assertThat(rules)
                .first()
                .isEqualTo("host.unreachable (the repository URL cannot be reached from this machine) → host");
        assertThat(rules)
                .last()
                .isEqualTo("runtime.output (the process ran but its output or files are not what was expected)"
                        + " → runtime");
        assertThat(rules.stream().map(rule -> rule.substring(0, rule.indexOf(' '))))
                .containsExactly(
                        "host.unreachable",
                        "host.offline-not-cached",
                        "host.cache-corrupt",
                        "host.io",
                        "host.command-not-found",
                        "host.killed",
                        "host.disk-full",
                        "host.network",
                        "host.port-in-use",
                        "host.permission-denied",
                        "source.not-a-repository",
                        "source.unreadable-tracked",
                        "source.ref-not-found",
                        "source.incomplete-repository",
                        "source.patch-rejected",
                        "source.escapes-workspace",
                        "source.missing-file",
                        "source.not-executable",
                        "runtime.crash",
                        "runtime.out-of-memory",
                        "runtime.timeout",
                        "source.compile-error",
                        "source.tests-failed",
                        "runtime.exited-before-ready",
                        "runtime.not-ready",
                        "runtime.probe-unreachable",
                        "runtime.probe-failed",
                        "runtime.leftover-process",
                        "runtime.signal",
                        "runtime.exit-code",
                        "runtime.output");
    }

    @Test
    void rules_serviceRules_listedWithReasonAndCategory() {
        assertThat(classifier.rules())
                .contains(
                        PORT_IN_USE + " → host",
                        EXITED + " → runtime",
                        NOT_READY + " → runtime",
                        UNREACHABLE + " → runtime",
                        PROBE_FAILED + " → runtime",
                        LEFTOVER + " → runtime");
    }
}
