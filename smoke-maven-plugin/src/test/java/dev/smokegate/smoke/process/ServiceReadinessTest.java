package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Readiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness against the real fixture service in each of its start-up modes. The timeouts are
 * generous so that a slow machine does not fail them; the {@code @Timeout} only guards against
 * hangs.
 */
@Timeout(120)
class ServiceReadinessTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofMillis(50);

    @TempDir
    static Path shared;

    private static ServiceFixture fixture;
    private static PortReservations reservations;

    @TempDir
    Path dir;

    private Ports ports;
    private ServiceProcess service;
    private StepLogs logs;

    @BeforeAll
    static void compileFixture() throws IOException {
        fixture = ServiceFixture.compile(shared.resolve("fixture"));
        reservations = new PortReservations(shared.resolve("locks"));
    }

    @BeforeEach
    void setUp() {
        ports = reservations.forScenario();
        logs = StepLogs.in(dir.resolve("logs"), "02-serve.log");
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        ports.close();
    }

    @Test
    void await_normalStart_readyByHttpThenTcpThenLog() {
        int port = start();

        assertThat(ReadinessPoller.await(service, readiness(http(port, List.of("UP")), GENEROUS)))
                .isInstanceOfSatisfying(ReadinessResult.Ready.class, ready -> assertThat(ready.what())
                        .isEqualTo("http 200 from /healthz"));
        assertThat(ReadinessPoller.await(service, readiness(new Readiness.Tcp("127.0.0.1:" + port), GENEROUS)))
                .isInstanceOfSatisfying(ReadinessResult.Ready.class, ready -> assertThat(ready.what())
                        .isEqualTo("tcp 127.0.0.1:" + port + " accepted"));
        assertThat(ReadinessPoller.await(service, readiness(new Readiness.Log("Started \\w+ on port \\d+"), GENEROUS)))
                .isInstanceOfSatisfying(ReadinessResult.Ready.class, ready -> assertThat(ready.what())
                        .matches("log line 'Started service on port " + port + " in \\d+ ms'"));
    }

    @Test
    void await_slowStart_readyAfterTheWarmUp() throws IOException {
        int port = start("--slow-start", "1500");

        ReadinessResult result = ReadinessPoller.await(service, readiness(http(port, List.of()), GENEROUS));

        assertThat(result).isInstanceOf(ReadinessResult.Ready.class);
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(Files.readAllLines(logs.combined())).contains("Warming up for 1500 ms");
    }

    @Test
    void await_crashBeforeReady_exitedWithItsCode() throws IOException {
        int port = start("--crash-before-ready");

        ReadinessResult result = ReadinessPoller.await(service, readiness(http(port, List.of()), GENEROUS));

        assertThat(result).isInstanceOfSatisfying(ReadinessResult.Exited.class, exited -> assertThat(exited.exitCode())
                .isEqualTo(3));
        assertThat(Files.readAllLines(logs.stderr()))
                .containsExactly("FATAL: configuration invalid: missing key 'db.url'");
    }

    @Test
    void await_neverReady_notReadyShowingTheLastAnswer() {
        int port = start("--never-ready");
        assertThat(ReadinessPoller.await(service, readiness(new Readiness.Tcp("127.0.0.1:" + port), GENEROUS)))
                .isInstanceOf(ReadinessResult.Ready.class);

        ReadinessResult result =
                ReadinessPoller.await(service, readiness(http(port, List.of()), Duration.ofMillis(300)));

        assertThat(result)
                .isInstanceOfSatisfying(ReadinessResult.NotReady.class, notReady -> assertThat(notReady.lastSeen())
                        .isEqualTo("http 503: {\"status\":\"STARTING\"}"));
    }

    @Test
    void await_nothingListens_notReadyConnectionRefused() {
        int port = ports.port("unused");
        service = sleeper();

        ReadinessResult result =
                ReadinessPoller.await(service, readiness(http(port, List.of()), Duration.ofMillis(300)));

        assertThat(result)
                .isInstanceOfSatisfying(ReadinessResult.NotReady.class, notReady -> assertThat(notReady.lastSeen())
                        .isEqualTo("connection refused"));
    }

    @Test
    void await_malformedUrl_notReadyAtOnceNamingIt() {
        service = sleeper();

        ReadinessResult result = ReadinessPoller.await(
                service, readiness(new Readiness.Http("localhost:8080/healthz", List.of(), List.of()), GENEROUS));

        assertThat(result)
                .isEqualTo(new ReadinessResult.NotReady(
                        "invalid readiness URL 'localhost:8080/healthz': expected http://host:port/path, e.g."
                                + " http://127.0.0.1:8080/healthz",
                        Duration.ZERO));
    }

    private int start(String... flags) {
        int port = ports.port("http");
        service = ServiceProcess.start(fixture.command(dir, port, flags), logs, Duration.ofSeconds(5));
        return port;
    }

    /** A service that never listens. */
    private ServiceProcess sleeper() {
        return ServiceProcess.start(CommandSpec.shell("exec sleep 30", dir, Map.of()), logs, Duration.ofSeconds(5));
    }

    private static Readiness.Http http(int port, List<String> bodyContains) {
        return new Readiness.Http("http://127.0.0.1:" + port + "/healthz", List.of(), bodyContains);
    }

    private static Readiness readiness(Readiness.Probe probe, Duration timeout) {
        return new Readiness(probe, timeout, INTERVAL);
    }
}
