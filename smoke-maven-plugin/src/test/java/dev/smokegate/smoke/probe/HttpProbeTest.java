package dev.smokegate.smoke.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.smokegate.smoke.model.HttpCall;
import dev.smokegate.smoke.model.Redaction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real JDK {@link HttpServer} on 127.0.0.1, stopped after each test. */
class HttpProbeTest {

    @TempDir
    Path dir;

    private final HttpProbe probe = new HttpProbe();
    private final CountDownLatch release = new CountDownLatch(1);
    private ExecutorService executor;
    private HttpServer server;
    private String base;
    private ProbeLogs logs;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/greeting", exchange -> reply(exchange, 200, "{\"greeting\":\"hello, Betty\"}\n"));
        server.createContext("/fail", exchange -> reply(exchange, 500, "{\"error\":\"database unavailable\"}"));
        server.createContext("/echo", exchange -> {
            String received = exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("X-Token") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reply(exchange, 201, received);
        });
        server.createContext("/stall-head", exchange -> {
            await();
            reply(exchange, 200, "late");
        });
        server.createContext("/stall-body", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("partial\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            await();
            exchange.close();
        });
        server.createContext("/large", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] line = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n"
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 64 * 1024; i++) {
                    body.write(line);
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        logs = new ProbeLogs(
                dir.resolve("logs/03-probe.log"),
                dir.resolve("logs/03-probe.stdout.log"),
                dir.resolve("logs/03-probe.stderr.log"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Trace", "abc-123");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static HttpCall get(String url, Duration timeout) {
        return new HttpCall("GET", url, null, null, Map.of(), timeout);
    }

    private String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The log's lines without the Date header, whose value changes. */
    private List<String> linesWithoutDate(Path file) throws IOException {
        return read(file).lines().filter(line -> !line.startsWith("< date: ")).toList();
    }

    @Test
    void send_get_bodyToStdoutHeadToStderrBothToCombined() throws IOException {
        HttpProbeResult result = probe.send(
                new HttpCall(
                        "GET",
                        base + "/greeting",
                        null,
                        null,
                        Map.of("Accept", "application/json"),
                        Duration.ofSeconds(10)),
                dir,
                logs);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.error()).isNull();
        assertThat(result.head().values("content-type")).containsExactly("application/json");
        assertThat(result.head().values("X-TRACE")).containsExactly("abc-123");
        assertThat(read(logs.stdout())).isEqualTo("{\"greeting\":\"hello, Betty\"}\n");
        List<String> head = List.of(
                "> GET " + base + "/greeting",
                "> Accept: application/json",
                "< HTTP 200",
                "< content-length: 28",
                "< content-type: application/json",
                "< x-trace: abc-123",
                "");
        assertThat(linesWithoutDate(logs.stderr())).isEqualTo(head);
        assertThat(linesWithoutDate(logs.combined()))
                .startsWith(head.toArray(String[]::new))
                .endsWith("{\"greeting\":\"hello, Betty\"}")
                .hasSize(head.size() + 1);
    }

    @Test
    void send_firstRequest_buildsTheClientThatARedactingCopyShares() throws IOException {
        HttpProbe redacting = probe.redacting(Redaction.standard());
        assertThat(probe).hasToString("HttpProbe[client not built yet]");

        HttpProbeResult result = redacting.send(
                new HttpCall("GET", base + "/greeting", null, null, Map.of(), Duration.ofSeconds(10)), dir, logs);

        assertThat(result.head().status()).isEqualTo(200);
        assertThat(probe).hasToString("HttpProbe[HTTP_1_1, redirects NEVER]");
    }

    @Test
    void send_postWithBodyAndHeader_serverReceivesThem() throws IOException {
        HttpProbeResult result = probe.send(
                new HttpCall(
                        "POST",
                        base + "/echo",
                        "{\"name\":\"x\"}",
                        null,
                        Map.of("X-Token", "t1"),
                        Duration.ofSeconds(10)),
                dir,
                logs);

        assertThat(result.status()).isEqualTo(201);
        assertThat(read(logs.stdout())).isEqualTo("POST t1 {\"name\":\"x\"}");
        assertThat(read(logs.stderr()))
                .startsWith("> POST " + base + "/echo\n> X-Token: t1\n> (body: 12 bytes)\n< HTTP 201\n");
    }

    @Test
    void send_bodyFile_readFromTheGivenFolder() throws IOException {
        Files.writeString(dir.resolve("stub.json"), "{\"request\":{}}", StandardCharsets.UTF_8);

        HttpProbeResult result = probe.send(
                new HttpCall("PUT", base + "/echo", null, "stub.json", Map.of(), Duration.ofSeconds(10)), dir, logs);

        assertThat(result.status()).isEqualTo(201);
        assertThat(read(logs.stdout())).isEqualTo("PUT null {\"request\":{}}");
        assertThat(read(logs.stderr())).contains("> (body: stub.json, 14 bytes)\n");
    }

    @Test
    void send_bodyFileMissing_errorWithoutRequest() throws IOException {
        HttpProbeResult result = probe.send(
                new HttpCall("POST", base + "/echo", null, "nope.json", Map.of(), Duration.ofSeconds(10)), dir, logs);

        assertThat(result.responded()).isFalse();
        assertThat(result.error()).isEqualTo("request body file nope.json is not a readable file in " + dir);
        assertThat(read(logs.combined()))
                .isEqualTo("> POST " + base + "/echo\n< no response: request body file nope.json is not a readable"
                        + " file in " + dir + "\n");
    }

    @Test
    void send_serverError_isAResponseWithItsBody() throws IOException {
        HttpProbeResult result = probe.send(get(base + "/fail", Duration.ofSeconds(10)), dir, logs);

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.error()).isNull();
        assertThat(read(logs.stdout())).isEqualTo("{\"error\":\"database unavailable\"}");
    }

    @Test
    void send_nothingListening_connectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/healthz";

        HttpProbeResult result = probe.send(get(url, Duration.ofSeconds(10)), dir, logs);

        assertThat(result.head()).isNull();
        assertThat(result.error()).isEqualTo("connection refused");
        assertThat(read(logs.combined())).isEqualTo("> GET " + url + "\n< no response: connection refused\n");
        assertThat(read(logs.stdout())).isEmpty();
    }

    @Test
    void send_headNotInTime_timedOut() throws IOException {
        HttpProbeResult result = probe.send(get(base + "/stall-head", Duration.ofMillis(300)), dir, logs);

        assertThat(result.head()).isNull();
        assertThat(result.error()).isEqualTo("timed out after 300ms");
        assertThat(read(logs.stderr())).endsWith("< no response: timed out after 300ms\n");
    }

    @Test
    void send_bodyNotInTime_keepsHeadAndWhatCame() throws IOException {
        // 2 s: the budget covers connecting and the head too, which a client's first use in a JVM on a
        // busy machine can take most of a second for.
        HttpProbeResult result = probe.send(get(base + "/stall-body", Duration.ofSeconds(2)), dir, logs);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.error()).isEqualTo("timed out after 2s while reading the body");
        assertThat(read(logs.stdout())).isEqualTo("partial\n");
        assertThat(read(logs.combined())).endsWith("\n\npartial\n< timed out after 2s while reading the body\n");
    }

    @Test
    void send_largeBody_streamedWhole() throws IOException {
        HttpProbeResult result = probe.send(get(base + "/large", Duration.ofSeconds(30)), dir, logs);

        assertThat(result.error()).isNull();
        assertThat(Files.size(logs.stdout())).isEqualTo(64L * 64 * 1024);
    }

    @Test
    void send_notHttpUrl_errorNamesIt() throws IOException {
        HttpProbeResult result = probe.send(get("ftp://127.0.0.1/x", Duration.ofSeconds(1)), dir, logs);

        assertThat(result.error()).isEqualTo("invalid URL 'ftp://127.0.0.1/x': expected http://host[:port]/path");
    }

    @Test
    void send_restrictedHeader_errorNamesIt() throws IOException {
        HttpProbeResult result = probe.send(
                new HttpCall("GET", base + "/greeting", null, null, Map.of("Host", "x"), Duration.ofSeconds(1)),
                dir,
                logs);

        assertThat(result.error()).isEqualTo("invalid request: restricted header name: \"Host\"");
    }
}
