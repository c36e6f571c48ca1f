package dev.smokegate.smoke.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The head of an HTTP response that a probe step received: what its status and header checks read.
 * The body is not here: it is the step's standard output log.
 *
 * @param status the HTTP status code, such as {@code 200}
 * @param headers response header name → its values in the order received; names are compared without
 *     case (RFC 9110, section 5.1), so {@code headers().get("content-type")} finds {@code Content-Type}
 */
public record HttpResponseHead(int status, Map<String, List<String>> headers) {

    /**
     * Copies the headers into an unmodifiable map whose keys ignore case.
     *
     * @throws IllegalArgumentException when the status is not a three-digit code (100 to 999)
     */
    public HttpResponseHead {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit code, got " + status);
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) ->
                copy.merge(Objects.requireNonNull(name, "header name"), List.copyOf(values), HttpResponseHead::concat));
        headers = Collections.unmodifiableMap(copy);
    }

    /**
     * @param name a header name, in any case
     * @return its values in the order received; empty when the response has no such header
     */
    public List<String> values(String name) {
        return headers.getOrDefault(name, List.of());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
