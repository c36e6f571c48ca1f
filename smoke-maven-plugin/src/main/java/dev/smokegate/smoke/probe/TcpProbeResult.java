package dev.smokegate.smoke.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * What one TCP probe got.
 *
 * @param connected whether the connection opened
 * @param bytes how many bytes the peer sent back (and the stdout log holds)
 * @param error why the connection did not open ({@code connection refused}, {@code connect timed out
 *     after 10s}, {@code unknown host db}, {@code invalid address 'x': …}), or why reading failed
 *     after it did ({@code Connection reset}); {@code null} when neither happened
 * @param elapsed from the start of connecting to the end of reading (or the error)
 */
public record TcpProbeResult(boolean connected, long bytes, String error, Duration elapsed) {
    /** @throws IllegalArgumentException when not connected without an error, or bytes is negative */
    public TcpProbeResult {
        Objects.requireNonNull(elapsed, "elapsed");
        if (!connected && error == null) {
            throw new IllegalArgumentException("a probe that did not connect has an error");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
        }
    }
}
