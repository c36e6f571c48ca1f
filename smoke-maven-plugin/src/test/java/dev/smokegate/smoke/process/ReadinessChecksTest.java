package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.smokegate.smoke.model.Readiness;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of probe against real sockets, an in-process HTTP server and a growing file. */
@Timeout(60)
class ReadinessChecksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private HttpServer server;
    private Path log;

    @BeforeEach
    void setUp() {
        log = dir.resolve("02-serve.log");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void http_acceptedStatusAndBody_passesNamingStatusAndPath() throws IOException {
        serve(200, "{\"status\":\"UP\"}");

        ReadinessCheck.Poll poll = http("/healthz?full=true", List.of(), List.of("UP"));

        assertThat(poll).isEqualTo(new ReadinessCheck.Poll(true, "http 200 from /healthz?full=true"));
    }

    @Test
    void http_statusNotAccepted_showsStatusAndFirstBodyLine() throws IOException {
        serve(503, "{\"status\":\"STARTING\"}\nsecond line\n");

        assertThat(http("/healthz", List.of(), List.of()))
                .isEqualTo(new ReadinessCheck.Poll(false, "http 503: {\"status\":\"STARTING\"}", true));
    }

    @Test
    void http_statusOutsideTheListed_notReady() throws IOException {
        serve(200, "");

        assertThat(http("/healthz", List.of(204), List.of()))
                .isEqualTo(new ReadinessCheck.Poll(false, "http 200", true));
    }

    @Test
    void http_bodyLacksAText_namesIt() throws IOException {
        serve(200, "{\"status\":\"DOWN\"}");

        assertThat(http("/healthz", List.of(), List.of("UP")))
                .isEqualTo(new ReadinessCheck.Poll(
                        false, "http 200 without 'UP' in the body: {\"status\":\"DOWN\"}", true));
    }

    @Test
    void http_textBeyondTheFirst64KiB_notSeen() throws IOException {
        serve(200, "x".repeat(HttpCheck.MAX_BODY_BYTES) + "UP");

        assertThat(http("/healthz", List.of(), List.of("UP")).passed()).isFalse();
    }

    @Test
    void http_nothingListening_connectionRefused() throws IOException {
        int port = freePort();

        assertThat(new HttpCheck(new Readiness.Http("http://127.0.0.1:" + port + "/healthz", List.of(), List.of()))
                        .poll(TIMEOUT))
                .isEqualTo(new ReadinessCheck.Poll(false, "connection refused"));
    }

    @Test
    void tcp_listening_accepted() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();

            assertThat(new TcpCheck(new Readiness.Tcp("127.0.0.1:" + port)).poll(TIMEOUT))
                    .isEqualTo(new ReadinessCheck.Poll(true, "tcp 127.0.0.1:" + port + " accepted"));
        }
    }

    @Test
    void tcp_nothingListening_connectionRefused() throws IOException {
        assertThat(new TcpCheck(new Readiness.Tcp("127.0.0.1:" + freePort())).poll(TIMEOUT))
                .isEqualTo(new ReadinessCheck.Poll(false, "connection refused"));
    }

    @Test
    void log_lineWrittenInPieces_matchedOnlyWhenComplete() throws IOException {
        LogCheck check = new LogCheck(new Readiness.Log("Started \\w+ on port \\d+"), log);
        append("Starting service on 127.0.0.1:8080 (pid 42)\nStarted serv");

        assertThat(check.poll(TIMEOUT))
                .isEqualTo(new ReadinessCheck.Poll(false, "no line matches 'Started \\w+ on port \\d+'"));

        append("ice on port 8080 in 12 ms\r\nGET /healthz -> 200\n");

        assertThat(check.poll(TIMEOUT))
                .isEqualTo(new ReadinessCheck.Poll(true, "log line 'Started service on port 8080 in 12 ms'"));
    }

    @Test
    void log_eachPoll_readsOnlyTheBytesWrittenSince() throws IOException {
        LogCheck check = new LogCheck(new Readiness.Log("^READY$"), log);
        append("booting\nloading\n");
        assertThat(check.poll(TIMEOUT).passed()).isFalse();
        assertThat(check.offset()).isEqualTo(Files.size(log));

        // text already read is not read again: overwriting it with a match changes nothing
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.write("READY\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(check.poll(TIMEOUT).passed()).isFalse();

        append("READY\n");
        assertThat(check.poll(TIMEOUT)).isEqualTo(new ReadinessCheck.Poll(true, "log line 'READY'"));
        assertThat(check.offset()).isEqualTo(Files.size(log));
    }

    @Test
    void log_fileMissing_notReadyNamingIt() {
        assertThat(new LogCheck(new Readiness.Log("x"), log).poll(TIMEOUT))
                .isEqualTo(new ReadinessCheck.Poll(false, "no log yet at " + log));
    }

    @Test
    void log_fileTruncated_readFromTheStartAgain() throws IOException {
        LogCheck check = new LogCheck(new Readiness.Log("ready"), log);
        append("a long first line of output\n");
        check.poll(TIMEOUT);

        Files.writeString(log, "ready\n");

        assertThat(check.poll(TIMEOUT).passed()).isTrue();
    }

    @Test
    void of_malformedProbes_namedInTheMessage() {
        assertThatThrownBy(() -> ReadinessCheck.of(new Readiness.Http("ftp://x/", List.of(), List.of()), log))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid readiness URL 'ftp://x/': expected http://host:port/path, e.g."
                        + " http://127.0.0.1:8080/healthz");
        assertThatThrownBy(() -> ReadinessCheck.of(new Readiness.Tcp("8080"), log))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid readiness address '8080': expected host:port, e.g. 127.0.0.1:8080");
        assertThatThrownBy(() -> ReadinessCheck.of(new Readiness.Log("Started ("), log))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid readiness regex 'Started (': Unclosed group at index 9");
    }

    @Test
    void of_ipv6Address_parsed() {
        assertThat(ReadinessCheck.of(new Readiness.Tcp("[::1]:8080"), log).toString())
                .isEqualTo("tcp readiness of ::1:8080");
    }

    private ReadinessCheck.Poll http(String path, List<Integer> statuses, List<String> bodyContains) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        return new HttpCheck(new Readiness.Http(url, statuses, bodyContains)).poll(TIMEOUT);
    }

    private void serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    private void append(String text) throws IOException {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
