package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services end to end, without Maven: the fixture service started, probed and stopped by real
 * scenarios, and each way it can fail classified and reported with its log. After each test no
 * process the test started is alive.
 */
@Timeout(180)
class ServiceScenariosTest {
    private static final String JAVA = ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

    @TempDir
    Path tmp;

    private Path checkout;
    private Path project;
    private Path source;
    private final RecordingLog log = new RecordingLog();
    private final List<Long> pids = new ArrayList<>();

    @BeforeEach
    void fixtures() throws IOException {
        checkout = FixtureRepos.greeter(tmp.resolve("greeter"));
        project = Files.createDirectories(tmp.resolve("project/src/smoke"))
                .getParent()
                .getParent();
        source = FixtureRepos.writeServiceSource(tmp.resolve("service/ServiceMain.java"));
    }

    /** Kills whatever of this test still runs (the fixture's JVMs, a daemon it forked), then fails if there was any. */
    @AfterEach
    void noProcessLeft() {
        List<String> alive = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(process -> pids.contains(process.pid())
                        || process.info().commandLine().orElse("").contains(source.toString()))
                .filter(ServiceScenariosTest::running)
                .forEach(process -> {
                    alive.add(
                            process.pid() + ": " + process.info().commandLine().orElse("?"));
                    process.destroyForcibly();
                });
        assertThat(alive).as("processes of the test still alive after the gate").isEmpty();
    }

    /** Alive and not a zombie: an orphan the gate killed may wait a while for a container's init to reap it. */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    private GateResult run(String manifest, Duration heartbeat) throws Exception {
        Files.writeString(project.resolve("src/smoke/manifest.toml"), manifest, StandardCharsets.UTF_8);
        GateRequest request = GateRequest.builder(project.resolve("src/smoke/manifest.toml"), MavenFrontEnd.INSTANCE)
                .basedir(project)
                .workDirectory(project.resolve("target/smoke"))
                .cacheDirectory(tmp.resolve("cache"))
                .properties(Map.of("fixture.checkout", checkout.toString()))
                .environment(System.getenv())
                .heartbeat(heartbeat)
                .build();
        return new SmokeEngine(log).run(request);
    }

    private GateResult run(String manifest) throws Exception {
        return run(manifest, Duration.ZERO);
    }

    /** A scenario {@code svc} whose first step serves the fixture with {@code flags} and {@code ready}. */
    private String scenarioOnPort(String flags, String port, String ready, String... steps) {
        String args = "\"" + JAVA + "\", \"-XX:TieredStopAtLevel=1\", \"-XX:+UseSerialGC\", \"" + source
                + "\", \"--port\", \"" + port + "\"" + flags;
        return "format = 1\n[[scenario]]\nname = \"svc\"\nsource.checkout = \"${fixture.checkout}\"\n"
                + "  [[scenario.step]]\n  name = \"serve\"\n  service.name = \"app\"\n  service.args = [" + args
                + "]\n" + ready + "\n" + String.join("\n", steps) + "\n";
    }

    private String scenario(String flags, String ready, String... steps) {
        return scenarioOnPort(flags, "${port.http}", ready, steps);
    }

    private static final String HTTP_READY = "  service.ready.http = \"http://127.0.0.1:${port.http}/healthz\"\n"
            + "  expect.log.contains = [\"Started service on port ${port.http}\"]";

    /**
     * Shell code (inside a TOML basic string) that waits until the background job {@code $!} runs
     * {@code sleep}: until it has exec'd, the job shows the shell's command line.
     */
    private static final String UNTIL_SLEEPING =
            "until read c < /proc/$!/comm && [ \\\"$c\\\" = sleep ]; do sleep 0.01; done; ";

    private static StepFailure failure(GateResult result) {
        ScenarioResult scenario = result.scenarios().get(0);
        assertThat(scenario.status()).as(String.valueOf(scenario)).isEqualTo(Status.FAIL);
        return scenario.failure();
    }

    private Path logs() {
        return project.resolve("target/smoke/svc");
    }

    @Test
    void run_serveProbeAndStop_readyLinePassAndGracefulShutdown() throws Exception {
        GateResult result = run(scenario(
                "",
                HTTP_READY,
                "  [[scenario.step]]\n  name = \"greet\"\n"
                        + "  http.get = \"http://127.0.0.1:${port.http}/api/greeting?name=smoke\"\n"
                        + "  expect.status = 200\n  expect.json.\"/greeting\" = \"hello, smoke\"\n"
                        + "  expect.body.contains = [\"\\\"port\\\":${port.http}\"]",
                "  [[scenario.step]]\n  name = \"port\"\n  tcp.connect = \"127.0.0.1:${port.http}\"",
                "  [[scenario.step]]\n  name = \"stop\"\n  stop = \"app\"\n"
                        + "  expect.log.contains = [\"Graceful shutdown complete\"]\n  expect.exit = 143\n"
                        + "  expect.no-leftover-processes = true"));

        assertThat(result.scenarios().get(0).status())
                .as(String.valueOf(result.scenarios().get(0)))
                .isEqualTo(Status.PASS);
        List<String> info = log.at("INFO");
        assertThat(info).anySatisfy(line -> assertThat(line)
                .matches("\\[smoke] svc › serve: ready after \\d+\\.\\d s \\(http 200 from /healthz\\)"));
        assertThat(info).contains("[smoke] svc › stop (4/4): stop app");
        assertThat(info.get(info.size() - 2)).matches("\\[smoke] PASS svc \\(\\d+\\.\\d s\\)");
        assertThat(Files.readString(logs().resolve("02-greet.log")))
                .contains("< HTTP 200", "\"greeting\":\"hello, smoke\"");
        assertThat(Files.readString(logs().resolve("04-stop.log")))
                .matches("(?s)\\[smoke] service app \\(.*ServiceMain.java --port \\d+\\): stopped by SIGTERM after"
                        + " \\d+\\.\\d s \\(exit code 143\\)\n");
        assertThat(Files.readString(logs().resolve("01-serve.log")))
                .contains("Graceful shutdown complete")
                .endsWith(" (exit code 143)\n");
    }

    @Test
    void run_crashBeforeReady_runtimeWithExitCodeAndFatalLine() throws Exception {
        StepFailure failure = failure(run(scenario(", \"--crash-before-ready\"", HTTP_READY)));

        assertThat(failure.step()).isEqualTo("serve");
        assertThat(failure.exitCode()).isEqualTo(3);
        assertThat(failure.expectation()).isEqualTo("expected service app to be ready within 1m");
        assertThat(failure.seen()).matches("it exited with exit code 3 after \\d+\\.\\d s");
        assertThat(failure.classification().rule()).startsWith("runtime.exited-before-ready ");
        assertThat(failure.classification().evidence()).startsWith("exit code 3: ");
        assertThat(failure.tail()).contains("FATAL: configuration invalid: missing key 'db.url'");
        assertThat(failure.tail()).noneMatch(line -> line.startsWith("[smoke] not stopped"));
        assertThat(failure.services()).isEmpty();
        assertThat(log.at("ERROR"))
                .contains("[smoke]   exit code: 3", "[smoke]   | FATAL: configuration invalid: missing key 'db.url'");
    }

    @Test
    void run_neverReady_runtimeNamingTheLastProbe() throws Exception {
        StepFailure failure = failure(run(scenario(
                ", \"--never-ready\"",
                // Long enough for the fixture's JVM to start and compile its source on a busy machine, so
                // that the last probe meets the running service (503), not a port nobody listens on yet.
                HTTP_READY + "\n  service.ready.timeout = \"8s\"\n  service.ready.interval = \"100ms\"")));

        assertThat(failure.exitCode()).isNull();
        assertThat(failure.expectation()).isEqualTo("expected service app to be ready within 8s");
        assertThat(failure.seen())
                .matches(
                        "still not ready after \\d+\\.\\d s; the last probe saw http 503: \\{\"status\":\"STARTING\"}");
        assertThat(failure.classification().rule()).startsWith("runtime.not-ready ");
        assertThat(failure.classification().evidence()).isEqualTo("last probe: http 503: {\"status\":\"STARTING\"}");
        assertThat(failure.tail()).anySatisfy(line -> assertThat(line).startsWith("Started service on port"));
    }

    @Test
    void run_probeGets500_probeFailedWithBodyAndServicePostMortem() throws Exception {
        GateResult result = run(scenario(
                ", \"--fail-500\"",
                HTTP_READY,
                "  [[scenario.step]]\n  name = \"greet\"\n"
                        + "  http.get = \"http://127.0.0.1:${port.http}/api/greeting\"\n"
                        + "  expect.body.contains = [\"hello\"]"));

        StepFailure failure = failure(result);
        assertThat(failure.step()).isEqualTo("greet");
        assertThat(failure.command()).matches("GET http://127.0.0.1:\\d+/api/greeting");
        assertThat(failure.expectation()).isEqualTo("expected HTTP status 200-399");
        assertThat(failure.classification().rule()).startsWith("runtime.probe-failed ");
        assertThat(failure.classification().evidence()).isEqualTo("HTTP 500 {\"error\":\"database unavailable\"}");
        assertThat(failure.log()).isEqualTo(logs().resolve("02-greet.log"));
        assertThat(failure.tail()).contains("< HTTP 500", "{\"error\":\"database unavailable\"}");
        assertThat(failure.services()).singleElement().satisfies(tail -> {
            assertThat(tail.service()).isEqualTo("app");
            assertThat(tail.log()).isEqualTo(logs().resolve("01-serve.log"));
            assertThat(tail.lines()).contains("ERROR GET /api/greeting -> 500: database unavailable");
        });
        List<String> errors = log.at("ERROR");
        int postMortem = errors.indexOf("[smoke]   service app, last "
                + failure.services().get(0).lines().size() + " lines of target/smoke/svc/01-serve.log:");
        assertThat(postMortem).as("%s", errors).isPositive();
        assertThat(errors.subList(postMortem, errors.size()))
                .contains("[smoke]   | ERROR GET /api/greeting -> 500: database unavailable");
        assertThat(Files.readString(project.resolve("target/smoke/TEST-smoke.xml")))
                .contains("service app, last ")
                .contains("| ERROR GET /api/greeting -&gt; 500: database unavailable");
    }

    @Test
    void run_portHeldByAnotherProcess_hostPortInUse() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = held.getLocalPort();

            StepFailure failure = failure(run(scenarioOnPort(
                    "",
                    String.valueOf(port),
                    "  service.ready.log = \"Started service\"\n  expect.log.contains = [\"Started\"]")));

            assertThat(failure.exitCode()).isEqualTo(1);
            assertThat(failure.classification().rule()).startsWith("host.port-in-use ");
            assertThat(failure.classification().evidence())
                    .isEqualTo("port " + port + ": Cannot listen on 127.0.0.1:" + port
                            + ": java.net.BindException: Address already in use");
        }
    }

    @Test
    void run_serviceIgnoresSigterm_killedAfterStopTimeoutAndPasses() throws Exception {
        GateResult result = run(
                scenario(
                        ", \"--ignore-sigterm\"",
                        HTTP_READY + "\n  service.stop-timeout = \"1s\"",
                        "  [[scenario.step]]\n  name = \"stop\"\n  stop = \"app\"\n  expect.log.contains = [\"Ignoring SIGTERM\"]"));

        assertThat(result.scenarios().get(0).status())
                .as(String.valueOf(result.scenarios().get(0)))
                .isEqualTo(Status.PASS);
        assertThat(Files.readString(logs().resolve("02-stop.log")))
                .contains(": killed by SIGKILL after ")
                .endsWith(": SIGTERM did not stop it (exit code 137)\n");
    }

    @Test
    void run_daemonizedChildWithNoLeftovers_failsNamingPidAndKillsIt() throws Exception {
        StepFailure failure = failure(run(scenario(
                ", \"--daemonize\"",
                HTTP_READY,
                "  [[scenario.step]]\n  name = \"stop\"\n  stop = \"app\"\n"
                        + "  expect.log.contains = [\"Forked background worker\"]\n"
                        + "  expect.no-leftover-processes = true")));

        assertThat(failure.step()).isEqualTo("stop");
        assertThat(failure.expectation()).isEqualTo("expected no process left running");
        Matcher named = Pattern.compile("1 process left running: pid (\\d+): (\\S*sleep 600)")
                .matcher(failure.seen());
        assertThat(named.matches()).as(failure.seen()).isTrue();
        long pid = Long.parseLong(named.group(1));
        pids.add(pid);
        String sleep = named.group(2);
        assertThat(failure.classification().rule()).startsWith("runtime.leftover-process ");
        assertThat(failure.classification().evidence()).isEqualTo("pid " + pid + ": " + sleep);
        assertThat(failure.log()).isEqualTo(logs().resolve("02-stop.log"));
        assertThat(failure.tail()).contains("[smoke] still running after the stop: pid " + pid + ": " + sleep);
        assertThat(failure.services()).singleElement().satisfies(tail -> assertThat(tail.lines())
                .contains("Forked background worker", "Graceful shutdown complete"));
        assertThat(ProcessHandle.of(pid).filter(ServiceScenariosTest::running)).isEmpty();
    }

    @Test
    void run_laterStepFails_serviceStoppedWithTheScenarioAndInThePostMortem() throws Exception {
        StepFailure failure = failure(run(scenario(
                "",
                HTTP_READY,
                "  [[scenario.step]]\n  name = \"check\"\n  run = \"echo nope; exit 4\"\n"
                        + "  expect.stdout.contains = [\"yes\"]")));

        assertThat(failure.step()).isEqualTo("check");
        assertThat(failure.exitCode()).isEqualTo(4);
        assertThat(failure.services()).singleElement().satisfies(tail -> assertThat(tail.lines())
                .anySatisfy(line -> assertThat(line).startsWith("Started service on port")));
        assertThat(Files.readString(logs().resolve("01-serve.log")))
                .contains("Graceful shutdown complete")
                .contains("[smoke] stopped by SIGTERM after ");
    }

    @Test
    void run_runStepLeavesADaemonWithNoLeftovers_runtimeLeftoverNamingIt() throws Exception {
        StepFailure failure =
                failure(run("format = 1\n[[scenario]]\nname = \"svc\"\nsource.checkout = \"${fixture.checkout}\"\n"
                        + "  [[scenario.step]]\n  name = \"daemon\"\n"
                        + "  run = \"sleep 600 >/dev/null 2>&1 & " + UNTIL_SLEEPING + "echo forked\"\n"
                        + "  expect.stdout.contains = [\"forked\"]\n  expect.no-leftover-processes = true\n"));

        assertThat(failure.expectation()).isEqualTo("expected no process left running");
        Matcher named = Pattern.compile("1 process left running: pid (\\d+): (\\S*sleep 600)")
                .matcher(failure.seen());
        assertThat(named.matches()).as(failure.seen()).isTrue();
        pids.add(Long.parseLong(named.group(1)));
        assertThat(failure.classification().rule()).startsWith("runtime.leftover-process ");
        assertThat(failure.classification().evidence()).isEqualTo("pid " + named.group(1) + ": " + named.group(2));
    }

    @Test
    void run_stepLongerThanTheHeartbeat_printsStillRunningWithItsLastLine() throws Exception {
        GateResult result = run(
                "format = 1\n[[scenario]]\nname = \"hb\"\nsource.checkout = \"${fixture.checkout}\"\n"
                        + "  [[scenario.step]]\n  name = \"wait\"\n  run = \"echo warming up; sleep 2.5; echo done\"\n"
                        + "  expect.stdout.contains = [\"done\"]\n",
                Duration.ofSeconds(1));

        assertThat(result.passed()).isTrue();
        // The first beat comes at 1 s, or at 2 s when the echo was not in by then on a busy machine.
        assertThat(log.at("INFO")).anySatisfy(line -> assertThat(line)
                .matches("\\[smoke] hb › wait still running \\([12]s\\): warming up"));
    }
}
