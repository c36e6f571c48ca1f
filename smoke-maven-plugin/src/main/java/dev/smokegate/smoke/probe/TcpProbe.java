package dev.smokegate.smoke.probe;

import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@code tcp} probe step: connects to {@code host:port} within the step's timeout, sends
 * {@code tcp.send} when given, and reads what comes back. Writes the step's logs: the stderr and
 * combined logs get {@code > connect host:port}, {@code > sent N bytes} and, at the end, {@code <
 * received N bytes (closed by peer)}; the stdout and combined logs get the bytes received, as they
 * arrive.
 *
 * <p>Reading stops at the first of: the peer closing the connection; {@value #IDLE_MILLIS} ms
 * without a byte after the last one (or after connecting, when nothing was sent: a server that
 * speaks first does so at once); the timeout, counted from the start of connecting; {@value
 * #MAX_BYTES} bytes (1 MiB). After sending, the first byte is awaited until the timeout.
 */
public final class TcpProbe {
    /** How long reading waits for more after the last byte, in milliseconds. */
    static final int IDLE_MILLIS = 500;

    /** The most bytes read back, 1 MiB; the rest is not read. */
    static final int MAX_BYTES = 1024 * 1024;

    /** {@code host:port} or {@code [v6 address]:port}. */
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]\\s]+):(\\d{1,5})");

    private final int idleMillis;
    private final Redaction redaction;

    /** A probe that waits {@value #IDLE_MILLIS} ms after the last byte. */
    public TcpProbe() {
        this(IDLE_MILLIS);
    }

    /** @param idleMillis how long reading waits after the last byte */
    TcpProbe(int idleMillis) {
        if (idleMillis < 1) {
            throw new IllegalArgumentException("idleMillis must be positive, got " + idleMillis);
        }
        this.idleMillis = idleMillis;
        this.redaction = Redaction.standard();
    }

    private TcpProbe(int idleMillis, Redaction redaction) {
        this.idleMillis = idleMillis;
        this.redaction = Objects.requireNonNull(redaction, "redaction");
    }

    /**
     * @param masks the redaction of the logs: head lines redacted, secret values in what came back masked
     * @return a probe with the same idle wait that writes its logs through {@code masks}
     */
    public TcpProbe redacting(Redaction masks) {
        return new TcpProbe(idleMillis, masks);
    }

    /**
     * Connects, sends and reads. Never throws for what the peer or the network does: a refused
     * connection, a time-out or a malformed address are in the result and the logs.
     *
     * @param tcp the step's action, placeholders already resolved
     * @param logs where the exchange goes; the files are created or truncated, with their folders
     * @return whether it connected, how many bytes came back, and the time taken
     * @throws UncheckedIOException if a log file cannot be created or written; the message names it
     */
    public TcpProbeResult probe(Action.Tcp tcp, ProbeLogs logs) {
        Objects.requireNonNull(tcp, "tcp");
        try (ProbeOutput out = ProbeOutput.open(logs, redaction)) {
            long deadline = System.nanoTime() + tcp.timeout().toNanos();
            out.head("> connect " + tcp.address());
            Matcher address = ADDRESS.matcher(tcp.address());
            int port = address.matches() ? Integer.parseInt(address.group(2)) : -1;
            if (port < 1 || port > 65535) {
                return notConnected(out, "invalid address '" + tcp.address() + "': expected host:port");
            }
            String host = address.group(1).replace("[", "").replace("]", "");
            Socket socket = new Socket();
            try {
                try {
                    socket.connect(new InetSocketAddress(host, port), (int)
                            Math.max(1, tcp.timeout().toMillis()));
                } catch (IOException e) {
                    return notConnected(out, ProbeErrors.describe(e, host, tcp.timeout()));
                }
                Reading reading;
                try {
                    if (tcp.send() != null) {
                        byte[] bytes = tcp.send().getBytes(StandardCharsets.UTF_8);
                        socket.getOutputStream().write(bytes);
                        socket.getOutputStream().flush();
                        out.head("> sent " + bytes.length + " bytes");
                    }
                    reading = read(socket, out, deadline, tcp.send() != null, tcp.timeout());
                } catch (IOException e) {
                    reading = new Reading(0, null, ProbeErrors.describe(e, host, tcp.timeout()));
                }
                out.trailer("< received " + reading.bytes() + " bytes ("
                        + (reading.error() != null ? reading.error() : reading.ended()) + ")");
                return new TcpProbeResult(true, reading.bytes(), reading.error(), out.elapsed());
            } finally {
                ProbeOutput.closeQuietly(socket);
            }
        }
    }

    /**
     * How reading ended.
     *
     * @param bytes the bytes read
     * @param ended why it stopped, or {@code null} when it failed
     * @param error why reading failed ({@code Connection reset}), or {@code null}
     */
    private record Reading(long bytes, String ended, String error) {}

    /** Reads until the peer closes, goes idle, the deadline passes or the cap is reached; never throws. */
    private Reading read(Socket socket, ProbeOutput out, long deadline, boolean sent, Duration timeout) {
        InputStream in;
        try {
            in = socket.getInputStream();
        } catch (IOException e) {
            return new Reading(0, null, ProbeErrors.describe(e, "", timeout));
        }
        byte[] buffer = new byte[8 * 1024];
        long total = 0;
        while (true) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return new Reading(total, "timed out after " + Durations.format(timeout), null);
            }
            boolean idleWait = total > 0 || !sent;
            long wait = idleWait ? Math.min(idleMillis, remainingMillis) : remainingMillis;
            int n;
            try {
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, wait)));
                n = in.read(buffer, 0, (int) Math.min(buffer.length, MAX_BYTES - total));
            } catch (SocketTimeoutException e) {
                return new Reading(
                        total,
                        idleWait && wait == idleMillis
                                ? "nothing more for " + idleMillis + " ms"
                                : "timed out after " + Durations.format(timeout),
                        null);
            } catch (IOException e) {
                return new Reading(total, null, ProbeErrors.describe(e, "", timeout));
            }
            if (n < 0) {
                return new Reading(total, "closed by peer", null);
            }
            out.body(buffer, 0, n);
            total += n;
            if (total >= MAX_BYTES) {
                return new Reading(total, "stopped at " + MAX_BYTES + " bytes", null);
            }
        }
    }

    private static TcpProbeResult notConnected(ProbeOutput out, String error) {
        out.head("< not connected: " + error);
        return new TcpProbeResult(false, 0, error, out.elapsed());
    }

    @Override
    public String toString() {
        return "TcpProbe[idle " + idleMillis + " ms, at most " + MAX_BYTES + " bytes]";
    }
}
