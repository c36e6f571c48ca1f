package dev.smokegate.smoke.probe;

import dev.smokegate.smoke.model.Redaction;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The open logs of one probe. Head lines (what was sent, the status, the headers, how it ended) go
 * to the stderr log and the combined log; body bytes go to the stdout log and the combined log, as
 * they arrive. Memory stays at the streams' buffers however large a body is. The probe's time is
 * counted from the moment the logs are opened ({@link #elapsed()}).
 *
 * <p>Head lines are {@link Redaction#apply redacted} ({@code Authorization} values, URL passwords,
 * secret values); the body's secret values are masked as it streams ({@link Redaction.StreamMask}).
 */
final class ProbeOutput implements AutoCloseable {
    private static final int BUFFER_BYTES = 8 * 1024;

    private final ProbeLogs paths;
    private final OutputStream combined;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final long start = System.nanoTime();
    private Redaction redaction = Redaction.standard();
    private Redaction.StreamMask bodyMask = redaction.streamMask();
    private boolean bodyEndsWithNewline = true;

    private ProbeOutput(ProbeLogs paths, OutputStream combined, OutputStream stdout, OutputStream stderr) {
        this.paths = paths;
        this.combined = combined;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Creates (or truncates) the three logs, and their folders.
     *
     * @throws UncheckedIOException if a folder or file cannot be created; the message names it
     */
    static ProbeOutput open(ProbeLogs paths, Redaction redaction) {
        ProbeOutput out = open(paths);
        out.redaction = redaction;
        out.bodyMask = redaction.streamMask();
        return out;
    }

    /** As {@link #open(ProbeLogs, Redaction)} with the standard redaction. */
    static ProbeOutput open(ProbeLogs paths) {
        OutputStream combined = create(paths.combined(), null);
        OutputStream stdout = create(paths.stdout(), combined);
        try {
            return new ProbeOutput(paths, combined, stdout, create(paths.stderr(), combined));
        } catch (UncheckedIOException e) {
            closeQuietly(stdout);
            throw e;
        }
    }

    private static OutputStream create(Path file, OutputStream openBefore) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES);
        } catch (IOException e) {
            closeQuietly(openBefore);
            throw new UncheckedIOException("cannot create probe log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes one line of the head ({@code > GET http://…}, {@code < HTTP 200}) to stderr and combined. */
    void head(String line) {
        byte[] bytes = (redaction.apply(line) + "\n").getBytes(StandardCharsets.UTF_8);
        write(stderr, paths.stderr(), bytes, 0, bytes.length);
        write(combined, paths.combined(), bytes, 0, bytes.length);
    }

    /** Writes a chunk of the body to stdout and combined. */
    void body(byte[] chunk, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (redaction.masksValues()) {
            byte[] masked = bodyMask.mask(Arrays.copyOfRange(chunk, offset, offset + length), length);
            bodyBytes(masked, 0, masked.length);
        } else {
            bodyBytes(chunk, offset, length);
        }
    }

    private void bodyBytes(byte[] chunk, int offset, int length) {
        if (length == 0) {
            return;
        }
        write(stdout, paths.stdout(), chunk, offset, length);
        write(combined, paths.combined(), chunk, offset, length);
        bodyEndsWithNewline = chunk[offset + length - 1] == '\n';
    }

    /** Writes the body bytes held back by the mask (a possible start of a secret): the body has ended. */
    void endBody() {
        byte[] held = bodyMask.finish();
        bodyBytes(held, 0, held.length);
    }

    /** Writes a head line after the body, on a line of its own in the combined log. */
    void trailer(String line) {
        endBody();
        if (!bodyEndsWithNewline) {
            write(combined, paths.combined(), new byte[] {'\n'}, 0, 1);
            bodyEndsWithNewline = true;
        }
        head(line);
    }

    private static void write(OutputStream out, Path file, byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write probe log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Flushes and closes the three logs. @throws UncheckedIOException if one cannot be written */
    @Override
    public void close() {
        UncheckedIOException failure = null;
        try {
            endBody();
        } catch (UncheckedIOException e) {
            failure = e;
        }
        OutputStream[] streams = {stdout, stderr, combined};
        Path[] files = {paths.stdout(), paths.stderr(), paths.combined()};
        for (int i = 0; i < streams.length; i++) {
            try {
                streams[i].close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = new UncheckedIOException("cannot write probe log " + files[i] + ": " + e.getMessage(), e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** @return the time since the logs were opened, when the probe started */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Closes {@code resource}, ignoring a failure: for a socket or stream whose exchange is over, or
     * whose first error is the one reported.
     *
     * @param resource what to close; {@code null} does nothing
     */
    static void closeQuietly(Closeable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (IOException e) {
            // the exchange is over or already failing: nothing this close could say changes the result
        }
    }

    @Override
    public String toString() {
        return "ProbeOutput[" + paths.combined() + "]";
    }
}
