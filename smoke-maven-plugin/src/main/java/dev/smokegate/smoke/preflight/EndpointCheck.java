package dev.smokegate.smoke.preflight;

import dev.smokegate.smoke.model.HostCheck;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * {@code requires.endpoints}: the endpoint answers. For {@code host:port}, a TCP connection opens;
 * for an {@code http(s)://} URL, a TCP connection opens and a {@code GET} of the URL gets any HTTP
 * response, whatever its status (the scenario decides what is right, not the preflight). A failed
 * DNS lookup, a refused connection, a time-out and a TLS error are each named as such. The steps
 * share one deadline: the timeout.
 *
 * @param endpoint the URL or {@code host:port} as written
 */
record EndpointCheck(String endpoint) implements Check {
    @Override
    public String name() {
        return "endpoint " + endpoint;
    }

    @Override
    public String rule() {
        return "host.requires.endpoint";
    }

    @Override
    public HostCheck run(Host host, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = null;
        String hostName;
        int port;
        try {
            if (endpoint.contains("://")) {
                uri = new URI(endpoint);
                hostName = uri.getHost();
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            } else {
                int colon = endpoint.lastIndexOf(':');
                hostName = endpoint.substring(0, colon);
                port = Integer.parseInt(endpoint.substring(colon + 1));
            }
        } catch (Exception e) {
            return fail("not a URL or host:port: " + e.getMessage());
        }
        if (hostName == null || hostName.isEmpty()) {
            return fail("not a URL or host:port with a host");
        }
        if (hostName.startsWith("[") && hostName.endsWith("]")) {
            hostName = hostName.substring(1, hostName.length() - 1);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(hostName);
        } catch (UnknownHostException e) {
            return fail("DNS lookup failed: unknown host " + hostName);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
        } catch (SocketTimeoutException e) {
            return fail("connect timed out after " + Words.duration(timeout));
        } catch (ConnectException e) {
            return fail("connection refused");
        } catch (NoRouteToHostException e) {
            return fail("no route to host " + hostName);
        } catch (IOException e) {
            return fail("cannot connect: " + e.getMessage());
        }
        if (uri == null) {
            return pass("TCP connection opened to " + address.getHostAddress() + ":" + port);
        }
        return http(uri, deadline, timeout);
    }

    private HostCheck http(URI uri, long deadline, Duration timeout) {
        Duration remaining = Duration.ofMillis(remainingMillis(deadline));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(remaining)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(remaining).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return pass("HTTP " + response.statusCode());
        } catch (HttpConnectTimeoutException e) {
            return fail("connect timed out after " + Words.duration(timeout));
        } catch (HttpTimeoutException e) {
            return fail("no HTTP response within " + Words.duration(timeout));
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SSLException) {
                    return fail("TLS handshake failed: " + cause.getMessage());
                }
                if (cause instanceof ConnectException) {
                    return fail("connection refused");
                }
            }
            return fail("no HTTP response: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for an HTTP response");
        }
    }

    /** @return the milliseconds left before the deadline; at least 1, as 0 means forever to the JDK */
    private static int remainingMillis(long deadline) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }
}
