package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Readiness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Ready when a TCP connection to {@code host:port} opens; the connection is closed at once. A
 * connect waits at most {@link #CONNECT_TIMEOUT}, less when the readiness timeout is nearer.
 */
final class TcpCheck implements ReadinessCheck {

    /** The longest a connect waits: on loopback a port accepts or refuses at once. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final int port;

    /** @throws IllegalArgumentException if the address is not {@code host:port} */
    TcpCheck(Readiness.Tcp probe) {
        String address = probe.address();
        int colon = address.lastIndexOf(':');
        String host = colon > 0 ? address.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "invalid readiness address '" + address + "': expected host:port, e.g. 127.0.0.1:8080");
        }
        this.host = host;
        this.port = port;
    }

    @Override
    public Poll poll(Duration timeout) {
        Duration limit = timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, limit.toMillis()));
            return new Poll(true, "tcp " + host + ":" + port + " accepted");
        } catch (IOException e) {
            return new Poll(false, ReadinessCheck.connectionError(e, limit));
        }
    }

    @Override
    public String toString() {
        return "tcp readiness of " + host + ":" + port;
    }
}
