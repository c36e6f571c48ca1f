package dev.smokegate.smoke.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request of an {@code http} probe step. Strings may hold placeholders.
 *
 * @param method one of {@link #METHODS}
 * @param url an {@code http(s)://} URL
 * @param body the request body as text, or {@code null}
 * @param bodyFile a file whose bytes are the request body, relative to the step's working folder, or
 *     {@code null}; at most one of {@code body} and {@code bodyFile} is set
 * @param headers request headers by name
 * @param timeout how long the whole exchange may take; positive
 */
public record HttpCall(
        String method, String url, String body, String bodyFile, Map<String, String> headers, Duration timeout) {
    /** The methods a probe step can send, as {@code http.get}, {@code http.post}, … */
    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    /** The default of {@code http.timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** @throws IllegalArgumentException for an unknown method, two bodies or a non-positive timeout */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method must be one of " + METHODS + ", got " + method);
        }
        Objects.requireNonNull(url, "url");
        if (body != null && bodyFile != null) {
            throw new IllegalArgumentException("at most one of body and bodyFile may be set");
        }
        headers = Map.copyOf(headers);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }
}
