package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Readiness;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Ready when a GET of the URL answers with an accepted status ({@link Readiness.Http#accepts}) and a
 * body that contains every {@code bodyContains} text. Only the first {@value #MAX_BODY_BYTES} bytes
 * of a body are read. The request goes straight to the service: no proxy, no redirects followed,
 * HTTP/1.1.
 */
final class HttpCheck implements ReadinessCheck {

    /** The most bytes of a body read (64 KiB). */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** The longest a connect waits. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Readiness.Http probe;
    private final URI uri;
    private final HttpClient client;

    /** @throws IllegalArgumentException if the URL is not an absolute {@code http(s)} URL */
    HttpCheck(Readiness.Http probe) {
        this.probe = probe;
        URI parsed;
        try {
            parsed = URI.create(probe.url());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid readiness URL '" + probe.url() + "': " + e.getMessage(), e);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
            throw new IllegalArgumentException("invalid readiness URL '" + probe.url()
                    + "': expected http://host:port/path, e.g. http://127.0.0.1:8080/healthz");
        }
        this.uri = parsed;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    @Override
    public Poll poll(Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        int status;
        String body;
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return new Poll(false, ReadinessCheck.connectionError(e, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Poll(false, "interrupted");
        }
        String missing = probe.bodyContains().stream()
                .filter(text -> !body.contains(text))
                .findFirst()
                .orElse(null);
        if (probe.accepts(status) && missing == null) {
            return new Poll(true, "http " + status + " from " + target());
        }
        String seen = "http " + status;
        if (probe.accepts(status)) {
            seen += " without '" + missing + "' in the body";
        }
        String first = firstLine(body);
        return new Poll(false, first.isEmpty() ? seen : seen + ": " + first, true);
    }

    /** The path and query asked for, as the ready line shows them. */
    private String target() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String firstLine(String body) {
        String text = body.strip();
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).strip();
        return LogTail.cut(line, SEEN_CHARS);
    }

    @Override
    public String toString() {
        return "http readiness of " + uri;
    }
}
