package dev.smokegate.smoke.probe;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.HttpCall;
import dev.smokegate.smoke.model.HttpResponseHead;
import dev.smokegate.smoke.model.Redaction;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the one HTTP request of an {@code http} probe step with {@link HttpClient} (HTTP/1.1,
 * redirects not followed: a probe reports what the server answered) and writes the step's logs:
 *
 * <ul>
 *   <li>combined: {@code > GET http://…}, the request headers ({@code > Name: value}), {@code < HTTP
 *       200}, the response headers ({@code < name: value}), a blank line, then the body;
 *   <li>stdout: the body only, so that {@code expect.body.*} and {@code expect.json} read it;
 *   <li>stderr: the request and response head only.
 * </ul>
 *
 * <p>The body is streamed to the logs as it arrives, never held whole in memory. The call's timeout
 * bounds the whole exchange: the response head must come within it (connecting included), and
 * reading the body stops when it has passed.
 */
public final class HttpProbe {
    private static final int COPY_BUFFER_BYTES = 16 * 1024;

    private final Client client;
    private final Redaction redaction;

    /**
     * A probe with its own client: HTTP/1.1, no redirects followed, no cookies kept. The client is
     * built at the first request, not here: building one loads the JDK's default SSL context (its
     * trust store) and starts a selector thread, about 0.3 s in a new JVM, which a gate whose
     * scenarios send no request would pay for nothing.
     */
    public HttpProbe() {
        this(new Client(null), Redaction.standard());
    }

    /** @param client the client that sends the requests */
    HttpProbe(HttpClient client) {
        this(new Client(Objects.requireNonNull(client, "client")), Redaction.standard());
    }

    private HttpProbe(Client client, Redaction redaction) {
        this.client = client;
        this.redaction = Objects.requireNonNull(redaction, "redaction");
    }

    /**
     * @param masks the redaction of the logs: head lines redacted, secret values in the body masked
     * @return a probe with the same client that writes its logs through {@code masks}
     */
    public HttpProbe redacting(Redaction masks) {
        return new HttpProbe(client, masks);
    }

    /**
     * Sends {@code call} and writes the logs. Never throws for what the server or the network does:
     * no answer, a refused connection, a time-out or a malformed URL are in the result and the logs.
     *
     * @param call the request, placeholders already resolved
     * @param folder the folder that {@link HttpCall#bodyFile()} is relative to (the step's working
     *     folder)
     * @param logs where the request and response go; the files are created or truncated, with their
     *     folders
     * @return the response head (or why there is none) and the time taken
     * @throws UncheckedIOException if a log file cannot be created or written (the harness failed, not
     *     the server); the message names the file
     */
    public HttpProbeResult send(HttpCall call, Path folder, ProbeLogs logs) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(folder, "folder");
        try (ProbeOutput out = ProbeOutput.open(logs, redaction)) {
            out.head("> " + call.method() + " " + call.url());
            new TreeMap<>(call.headers()).forEach((name, value) -> out.head("> " + name + ": " + value));
            HttpRequest request;
            try {
                request = request(call, folder, out);
            } catch (BadRequest e) {
                return noResponse(out, e.getMessage());
            }
            HttpResponse<InputStream> response;
            try {
                response = client.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                return noResponse(out, ProbeErrors.describe(e, request.uri().getHost(), call.timeout()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return noResponse(out, "interrupted before the response came");
            }
            HttpResponseHead head = head(response, out);
            String error = copyBody(response.body(), out, call.timeout());
            if (error != null) {
                out.trailer("< " + error);
            }
            return new HttpProbeResult(head, error, out.elapsed());
        }
    }

    private static HttpProbeResult noResponse(ProbeOutput out, String error) {
        out.head("< no response: " + error);
        return new HttpProbeResult(null, error, out.elapsed());
    }

    private static HttpRequest request(HttpCall call, Path folder, ProbeOutput out) throws BadRequest {
        URI uri;
        try {
            uri = new URI(call.url());
        } catch (URISyntaxException e) {
            throw new BadRequest("invalid URL '" + call.url() + "': " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new BadRequest("invalid URL '" + call.url() + "': expected http://host[:port]/path");
        }
        HttpRequest.Builder builder;
        try {
            builder =
                    HttpRequest.newBuilder(uri).timeout(call.timeout()).method(call.method(), body(call, folder, out));
            call.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid request: " + e.getMessage());
        }
        return builder.build();
    }

    private static HttpRequest.BodyPublisher body(HttpCall call, Path folder, ProbeOutput out) throws BadRequest {
        if (call.body() != null) {
            byte[] bytes = call.body().getBytes(StandardCharsets.UTF_8);
            out.head("> (body: " + bytes.length + " bytes)");
            return HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        if (call.bodyFile() != null) {
            Path file = folder.resolve(call.bodyFile());
            if (!Files.isRegularFile(file)) {
                throw new BadRequest("request body file " + call.bodyFile() + " is not a readable file in " + folder);
            }
            try {
                HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofFile(file);
                out.head("> (body: " + call.bodyFile() + ", " + publisher.contentLength() + " bytes)");
                return publisher;
            } catch (FileNotFoundException e) {
                throw new BadRequest("request body file " + call.bodyFile() + " cannot be read: " + e.getMessage());
            }
        }
        return HttpRequest.BodyPublishers.noBody();
    }

    /** Logs {@code < HTTP 200} and the headers (pseudo-headers such as {@code :status} left out), then a blank line. */
    private static HttpResponseHead head(HttpResponse<?> response, ProbeOutput out) {
        out.head("< HTTP " + response.statusCode());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.put(name, values);
                values.forEach(value -> out.head("< " + name + ": " + value));
            }
        });
        out.head("");
        return new HttpResponseHead(response.statusCode(), headers);
    }

    /**
     * Copies the body to the logs until its end, or until the call's timeout (counted from the start
     * of the probe) has passed: then the stream is closed under the reader.
     *
     * @return {@code null} when the whole body came, else why it stopped
     */
    private static String copyBody(InputStream body, ProbeOutput out, Duration timeout) {
        AtomicBoolean timedOut = new AtomicBoolean();
        long remainingNanos = Math.max(0, timeout.minus(out.elapsed()).toNanos());
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(
                () -> {
                    timedOut.set(true);
                    ProbeOutput.closeQuietly(body);
                },
                CompletableFuture.delayedExecutor(remainingNanos, TimeUnit.NANOSECONDS));
        try (body) {
            byte[] buffer = new byte[COPY_BUFFER_BYTES];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                out.body(buffer, 0, n);
            }
            return null;
        } catch (IOException e) {
            return timedOut.get()
                    ? "timed out after " + Durations.format(timeout) + " while reading the body"
                    : "body cut off: " + ProbeErrors.describe(e, "", timeout);
        } finally {
            watchdog.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "HttpProbe[" + client + "]";
    }

    /** The client, built at the first {@link #get()}; shared by the probes {@link #redacting} makes. */
    private static final class Client {
        private HttpClient client;

        Client(HttpClient client) {
            this.client = client;
        }

        synchronized HttpClient get() {
            if (client == null) {
                client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
            }
            return client;
        }

        @Override
        public synchronized String toString() {
            return client == null
                    ? "client not built yet"
                    : client.version() + ", redirects " + client.followRedirects();
        }
    }

    /** The call cannot be made into a request: malformed URL, restricted header, missing body file. */
    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
