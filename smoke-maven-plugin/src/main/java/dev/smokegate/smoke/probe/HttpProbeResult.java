package dev.smokegate.smoke.probe;

import dev.smokegate.smoke.model.HttpResponseHead;
import java.time.Duration;
import java.util.Objects;

/**
 * What one HTTP probe got.
 *
 * @param head the response's status and headers, or {@code null} when no response came
 * @param error why no response (or no whole body) came, such as {@code connection refused}, {@code
 *     timed out after 10s} or {@code timed out after 10s while reading the body}; {@code null} when
 *     the whole response arrived
 * @param elapsed from the start of the request to the end of the body (or the error)
 */
public record HttpProbeResult(HttpResponseHead head, String error, Duration elapsed) {
    /** @throws IllegalArgumentException when there is neither a response nor an error */
    public HttpProbeResult {
        Objects.requireNonNull(elapsed, "elapsed");
        if (head == null && error == null) {
            throw new IllegalArgumentException("a probe without a response has an error");
        }
    }

    /** @return whether a response came (its head at least) */
    public boolean responded() {
        return head != null;
    }

    /** @return the response status, or {@code null} when no response came */
    public Integer status() {
        return head == null ? null : head.status();
    }
}
