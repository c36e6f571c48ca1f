package dev.smokegate.smoke.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.HostCheck.Verdict;
import dev.smokegate.smoke.model.Requirements;
import dev.smokegate.smoke.model.Requirements.CommandRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostChecksTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Requirements commands(CommandRequirement... commands) {
        return new Requirements(List.of(commands), List.of(), List.of(), null, List.of(), null, null);
    }

    private Requirements endpoints(String... endpoints) {
        return new Requirements(List.of(), List.of(endpoints), List.of(), null, List.of(), null, null);
    }

    private HostChecks checks(Map<String, String> environment) {
        return new HostChecks(TIMEOUT, new Host(environment, dir.resolve("target/smoke"), "17.0.15", "Linux"));
    }

    private HostChecks onPath(Path bin) {
        return checks(Map.of("PATH", bin.toString()));
    }

    /** Writes an executable {@code sh} script named {@code name} into {@code bin}. */
    private static Path script(Path bin, String name, String body) throws IOException {
        Files.createDirectories(bin);
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static HostCheck only(List<HostCheck> checks) {
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    @Test
    void check_commandNewEnough_passesWithPathAndVersion() throws IOException {
        Path tool = script(dir.resolve("bin"), "tool", "echo 'tool version 2.39.5'");

        assertThat(onPath(dir.resolve("bin")).check(commands(new CommandRequirement("tool", "2.25"))))
                .containsExactly(new HostCheck("command tool>=2.25", Verdict.PASS, null, tool + " 2.39.5"));
    }

    @Test
    void check_commandTooOld_failsWithBothVersions() throws IOException {
        Path tool = script(dir.resolve("bin"), "tool", "echo 'tool version 2.9.1' >&2");

        assertThat(onPath(dir.resolve("bin")).check(commands(new CommandRequirement("tool", "2.10"))))
                .containsExactly(new HostCheck(
                        "command tool>=2.10",
                        Verdict.FAIL,
                        "host.requires.command",
                        tool + " is version 2.9.1, older than 2.10"));
    }

    @Test
    void check_commandMissing_failsNotFound() throws IOException {
        script(dir.resolve("bin"), "other", "echo 1.0");

        assertThat(onPath(dir.resolve("bin")).check(commands(new CommandRequirement("docker", null))))
                .containsExactly(
                        new HostCheck("command docker", Verdict.FAIL, "host.requires.command", "not found on PATH"));
    }

    @Test
    void check_commandFileNotExecutable_isNotOnPath() throws IOException {
        Path tool = script(dir.resolve("bin"), "tool", "echo 1.0");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(only(onPath(dir.resolve("bin")).check(commands(new CommandRequirement("tool", null))))
                        .detail())
                .isEqualTo("not found on PATH");
    }

    @Test
    void check_commandInLaterPathFolder_isFoundInOrder() throws IOException {
        script(dir.resolve("a"), "unrelated", "echo 0.1");
        Path tool = script(dir.resolve("b"), "tool", "echo 'tool 3.1'");
        script(dir.resolve("c"), "tool", "echo 'tool 9.9'");
        HostChecks checks = checks(Map.of("PATH", dir.resolve("a") + ":" + dir.resolve("b") + ":" + dir.resolve("c")));

        assertThat(only(checks.check(commands(new CommandRequirement("tool", "3"))))
                        .detail())
                .isEqualTo(tool + " 3.1");
    }

    @Test
    void check_commandWithoutFloor_passesWithoutAVersion() throws IOException {
        Path tool = script(dir.resolve("bin"), "tool", "echo 'usage: tool'");

        assertThat(onPath(dir.resolve("bin")).check(commands(new CommandRequirement("tool", null))))
                .containsExactly(new HostCheck("command tool", Verdict.PASS, null, tool.toString()));
    }

    @Test
    void check_commandPrintsNoVersion_failsWithWhatItPrinted() throws IOException {
        Path tool = script(dir.resolve("bin"), "tool", "echo 'usage: tool [options]'; exit 2");

        assertThat(only(onPath(dir.resolve("bin")).check(commands(new CommandRequirement("tool", "1.0"))))
                        .detail())
                .isEqualTo(tool + ": no version in the output of 'tool --version': usage: tool [options]");
    }

    @Test
    void check_commandHangs_isKilledAndFails() throws Exception {
        Path pid = dir.resolve("pid");
        Path tool = script(dir.resolve("bin"), "tool", "echo $$ > '" + pid + "'; exec /bin/sleep 60");
        HostChecks checks = new HostChecks(
                Duration.ofSeconds(1),
                new Host(Map.of("PATH", dir.resolve("bin").toString()), dir, "17.0.15", "Linux"));

        HostCheck check = only(checks.check(commands(new CommandRequirement("tool", "1.0"))));

        assertThat(check.detail()).isEqualTo(tool + ": 'tool --version' did not finish within 1 s and was killed");
        long started = Long.parseLong(Files.readString(pid).strip());
        ProcessHandle.of(started)
                .ifPresent(process ->
                        process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    @Test
    void check_commandRunsInTheGivenEnvironment() throws IOException {
        script(dir.resolve("bin"), "tool", "echo \"tool $TOOL_VERSION\"");
        HostChecks checks = checks(Map.of("PATH", dir.resolve("bin").toString(), "TOOL_VERSION", "5.0.1"));

        assertThat(only(checks.check(commands(new CommandRequirement("tool", "5"))))
                        .verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void check_httpEndpointAnswering500_passes() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health";

            assertThat(checks(Map.of()).check(endpoints(url)))
                    .containsExactly(new HostCheck("endpoint " + url, Verdict.PASS, null, "HTTP 500"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void check_tcpEndpointListening_passes() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + server.getLocalPort();

            assertThat(checks(Map.of()).check(endpoints(address)))
                    .containsExactly(new HostCheck(
                            "endpoint " + address, Verdict.PASS, null, "TCP connection opened to " + address));
        }
    }

    @Test
    void check_closedPort_isConnectionRefused() throws IOException {
        int port = closedPort();

        assertThat(checks(Map.of()).check(endpoints("127.0.0.1:" + port, "http://127.0.0.1:" + port + "/")))
                .extracting(HostCheck::detail)
                .containsExactly("connection refused", "connection refused");
    }

    @Test
    void check_unknownHost_isADnsFailure() {
        assertThat(checks(Map.of()).check(endpoints("smoke-preflight.invalid:443")))
                .containsExactly(new HostCheck(
                        "endpoint smoke-preflight.invalid:443",
                        Verdict.FAIL,
                        "host.requires.endpoint",
                        "DNS lookup failed: unknown host smoke-preflight.invalid"));
    }

    @Test
    void check_httpsToAPlainServer_isATlsError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread answering = answerEveryConnection(server, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            String url = "https://127.0.0.1:" + server.getLocalPort() + "/";

            HostCheck check = only(checks(Map.of()).check(endpoints(url)));

            assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(check.detail()).startsWith("TLS handshake failed: ");
            server.close();
            answering.join();
        }
    }

    @Test
    void check_serverThatNeverAnswers_timesOutWithoutResponse() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread accepting = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            accepting.start();
            HostChecks checks = new HostChecks(Duration.ofSeconds(1), new Host(Map.of(), dir, "17.0.15", "Linux"));
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/";

            assertThat(only(checks.check(endpoints(url))).detail()).isEqualTo("no HTTP response within 1 s");
            server.close();
            accepting.join();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void check_env_setEmptyAndMissing() {
        Requirements requires = new Requirements(
                List.of(), List.of(), List.of("TOKEN", "EMPTY", "MISSING"), null, List.of(), null, null);

        assertThat(checks(Map.of("TOKEN", "s3cret", "EMPTY", " ")).check(requires))
                .containsExactly(
                        new HostCheck("env TOKEN", Verdict.PASS, null, "set"),
                        new HostCheck("env EMPTY", Verdict.FAIL, "host.requires.env", "set but empty"),
                        new HostCheck("env MISSING", Verdict.FAIL, "host.requires.env", "not set"));
    }

    @Test
    void check_javaRange_comparesTheRunningVersion() {
        HostChecks checks = checks(Map.of());

        assertThat(checks.checkAll(List.of(java("[17,)"), java("[21,)"), java("[11,17)"), java("[17,17.1)"))))
                .containsExactly(
                        new HostCheck("java [17,)", Verdict.PASS, null, "Java 17.0.15"),
                        new HostCheck("java [21,)", Verdict.FAIL, "host.requires.java", "Java 17.0.15 is not in [21,)"),
                        new HostCheck(
                                "java [11,17)", Verdict.FAIL, "host.requires.java", "Java 17.0.15 is not in [11,17)"),
                        new HostCheck("java [17,17.1)", Verdict.PASS, null, "Java 17.0.15"));
    }

    @Test
    void check_thisJvm_isInItsOwnFeatureRange() {
        int feature = Runtime.version().feature();
        HostChecks checks = new HostChecks(TIMEOUT, Map.of(), dir);

        assertThat(only(checks.check(java("[" + feature + "," + (feature + 1) + ")")))
                        .verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void check_os_matchesTheFamilies() {
        assertThat(checks(Map.of()).checkAll(List.of(os("mac", "windows"), os("unix"), os("linux"))))
                .containsExactly(
                        new HostCheck(
                                "os mac, windows",
                                Verdict.FAIL,
                                "host.requires.os",
                                "Linux is not one of mac, windows"),
                        new HostCheck("os unix", Verdict.PASS, null, "Linux"),
                        new HostCheck("os linux", Verdict.PASS, null, "Linux"));
    }

    @Test
    void check_freeDisk_measuresTheNearestExistingFolder() {
        Requirements little = new Requirements(List.of(), List.of(), List.of(), null, List.of(), 1024L, null);
        Requirements huge = new Requirements(List.of(), List.of(), List.of(), null, List.of(), 1L << 62, null);

        List<HostCheck> checks = checks(Map.of()).checkAll(List.of(little, huge));

        assertThat(checks).extracting(HostCheck::name).containsExactly("free-disk 1 KiB", "free-disk 4 EiB");
        assertThat(checks.get(0).verdict()).isEqualTo(Verdict.PASS);
        assertThat(checks.get(0).detail()).matches("[0-9.]+ (bytes|KiB|MiB|GiB|TiB|PiB) free in \\Q" + dir + "\\E");
        assertThat(checks.get(1).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(checks.get(1).detail())
                .matches("[0-9.]+ (bytes|KiB|MiB|GiB|TiB|PiB) free in \\Q" + dir + "\\E, need 4 EiB");
    }

    @Test
    void checkAll_sameCommandInTwoScenarios_runsOnce() throws IOException {
        Path runs = dir.resolve("runs");
        script(dir.resolve("bin"), "tool", "echo run >> '" + runs + "'; echo 'tool 1.2.3'");
        HostChecks checks = onPath(dir.resolve("bin"));
        Requirements one = commands(new CommandRequirement("tool", "1.0"));
        Requirements two = new Requirements(
                List.of(new CommandRequirement("tool", "1.0")),
                List.of(),
                List.of("HOME"),
                null,
                List.of(),
                null,
                null);

        assertThat(checks.checkAll(List.of(one, two)))
                .extracting(HostCheck::name)
                .containsExactly("command tool>=1.0", "env HOME");
        assertThat(checks.check(two)).extracting(HostCheck::name).containsExactly("command tool>=1.0", "env HOME");
        assertThat(Files.readAllLines(runs)).containsExactly("run");
    }

    @Test
    void check_nothingRequired_checksNothing() {
        assertThat(checks(Map.of()).check(Requirements.NONE)).isEmpty();
    }

    @Test
    void skip_failedEndpoint_isHostWithSubjectAndDetail() {
        HostCheck failed = new HostCheck(
                "endpoint https://api.example.org/health",
                Verdict.FAIL,
                "host.requires.endpoint",
                "connect timed out after 5 s");

        assertThat(HostChecks.skip(failed))
                .isEqualTo(new Classification(
                        FailureCategory.HOST,
                        "host.requires.endpoint",
                        "https://api.example.org/health — connect timed out after 5 s"));
    }

    @Test
    void skip_passedCheck_isRefused() {
        assertThatThrownBy(() -> HostChecks.skip(new HostCheck("env X", Verdict.PASS, null, "set")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a passed check makes no skip: PASS env X — set");
    }

    @Test
    void constructor_zeroTimeout_isRefused() {
        assertThatThrownBy(() -> new HostChecks(Duration.ZERO, Map.of(), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the host check timeout must be positive, got PT0S");
    }

    private static Requirements java(String range) {
        return new Requirements(List.of(), List.of(), List.of(), range, List.of(), null, null);
    }

    private static Requirements os(String... families) {
        return new Requirements(List.of(), List.of(), List.of(), null, List.of(families), null, null);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Answers each connection with {@code reply} and closes it, until the server is closed. */
    private static Thread answerEveryConnection(ServerSocket server, String reply) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    try (Socket socket = server.accept()) {
                        InputStream in = socket.getInputStream();
                        in.read(new byte[1024]);
                        OutputStream out = socket.getOutputStream();
                        out.write(reply.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException peerGone) {
                        if (server.isClosed()) {
                            return;
                        }
                    }
                }
            } catch (RuntimeException e) {
                throw e;
            }
        });
        thread.start();
        return thread;
    }
}
