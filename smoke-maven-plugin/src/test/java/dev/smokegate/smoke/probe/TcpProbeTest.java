package dev.smokegate.smoke.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Action;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real {@link ServerSocket} on 127.0.0.1 served by one thread, closed after each test. */
class TcpProbeTest {

    /** What the test server does with one connection. */
    private interface Behaviour {
        void serve(Socket socket, CountDownLatch release) throws IOException, InterruptedException;
    }

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private ServerSocket server;
    private Thread thread;
    private ProbeLogs logs;
    private String address;

    @BeforeEach
    void open() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        address = "127.0.0.1:" + server.getLocalPort();
        logs = new ProbeLogs(
                dir.resolve("04-tcp.log"), dir.resolve("04-tcp.stdout.log"), dir.resolve("04-tcp.stderr.log"));
    }

    @AfterEach
    void close() throws IOException, InterruptedException {
        release.countDown();
        server.close();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(thread.isAlive()).isFalse();
        }
    }

    private void serve(Behaviour behaviour) {
        thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                behaviour.serve(socket, release);
            } catch (IOException | InterruptedException e) {
                // the test closed the server
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void probe_sendThenPeerRepliesAndCloses_replyInStdout() throws IOException {
        serve((socket, release) -> {
            InputStream in = socket.getInputStream();
            byte[] ping = in.readNBytes(6);
            OutputStream out = socket.getOutputStream();
            out.write(("+PONG (" + new String(ping, StandardCharsets.UTF_8).strip() + ")\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        });

        TcpProbeResult result = new TcpProbe().probe(new Action.Tcp(address, "PING\r\n", Duration.ofSeconds(10)), logs);

        assertThat(result.connected()).isTrue();
        assertThat(result.error()).isNull();
        assertThat(result.bytes()).isEqualTo(14);
        assertThat(read(logs.stdout())).isEqualTo("+PONG (PING)\r\n");
        assertThat(read(logs.stderr()))
                .isEqualTo("> connect " + address + "\n> sent 6 bytes\n< received 14 bytes (closed by peer)\n");
        assertThat(read(logs.combined()))
                .isEqualTo("> connect " + address + "\n> sent 6 bytes\n+PONG (PING)\r\n< received 14 bytes (closed by"
                        + " peer)\n");
    }

    @Test
    void probe_peerStaysOpen_stopsWhenIdle() throws IOException {
        serve((socket, release) -> {
            socket.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
            release.await(30, TimeUnit.SECONDS);
        });

        // With nothing sent, the idle wait starts at once: it must outlast the server thread's accept
        // and write on a busy machine.
        TcpProbeResult result = new TcpProbe(1000).probe(new Action.Tcp(address, null, Duration.ofSeconds(10)), logs);

        assertThat(result.bytes()).isEqualTo(5);
        assertThat(read(logs.stdout())).isEqualTo("hello");
        assertThat(read(logs.combined()))
                .isEqualTo("> connect " + address + "\nhello\n< received 5 bytes (nothing more for 1000 ms)\n");
    }

    @Test
    void probe_connectOnlyAndSilentPeer_connectedWithNothingRead() throws IOException {
        serve((socket, release) -> release.await(30, TimeUnit.SECONDS));

        TcpProbeResult result = new TcpProbe(50).probe(new Action.Tcp(address, null, Duration.ofSeconds(10)), logs);

        assertThat(result.connected()).isTrue();
        assertThat(result.error()).isNull();
        assertThat(result.bytes()).isZero();
        assertThat(read(logs.stdout())).isEmpty();
    }

    @Test
    void probe_sentAndNoReply_waitsUntilTimeout() throws IOException {
        serve((socket, release) -> release.await(30, TimeUnit.SECONDS));

        TcpProbeResult result =
                new TcpProbe(50).probe(new Action.Tcp(address, "PING\r\n", Duration.ofMillis(300)), logs);

        assertThat(result.connected()).isTrue();
        assertThat(result.bytes()).isZero();
        assertThat(read(logs.stderr()))
                .isEqualTo("> connect " + address + "\n> sent 6 bytes\n< received 0 bytes (timed out after 300ms)\n");
    }

    @Test
    void probe_peerSendsMoreThanTheCap_stopsAtTheCap() throws IOException {
        serve((socket, release) -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 32; i++) {
                    socket.getOutputStream().write(chunk);
                }
            } catch (IOException e) {
                // the probe stopped reading and closed
            }
        });

        TcpProbeResult result = new TcpProbe().probe(new Action.Tcp(address, null, Duration.ofSeconds(10)), logs);

        assertThat(result.bytes()).isEqualTo(TcpProbe.MAX_BYTES);
        assertThat(Files.size(logs.stdout())).isEqualTo(TcpProbe.MAX_BYTES);
        assertThat(read(logs.stderr())).endsWith("< received 1048576 bytes (stopped at 1048576 bytes)\n");
    }

    @Test
    void probe_nothingListening_connectionRefused() throws IOException {
        server.close();

        TcpProbeResult result = new TcpProbe().probe(new Action.Tcp(address, "PING\r\n", Duration.ofSeconds(5)), logs);

        assertThat(result.connected()).isFalse();
        assertThat(result.error()).isEqualTo("connection refused");
        assertThat(read(logs.combined())).isEqualTo("> connect " + address + "\n< not connected: connection refused\n");
    }

    @Test
    void probe_malformedAddress_errorNamesIt() throws IOException {
        TcpProbeResult result = new TcpProbe().probe(new Action.Tcp("localhost", null, Duration.ofSeconds(1)), logs);

        assertThat(result.connected()).isFalse();
        assertThat(result.error()).isEqualTo("invalid address 'localhost': expected host:port");
    }

    @Test
    void probe_portOutOfRange_errorNamesIt() throws IOException {
        TcpProbeResult result =
                new TcpProbe().probe(new Action.Tcp("127.0.0.1:70000", null, Duration.ofSeconds(1)), logs);

        assertThat(result.error()).isEqualTo("invalid address '127.0.0.1:70000': expected host:port");
    }
}
