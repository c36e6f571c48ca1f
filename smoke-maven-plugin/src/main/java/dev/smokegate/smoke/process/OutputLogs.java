package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Redaction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The open log files of one run. Each chunk of a stream goes to the stream's own log and to the
 * combined log under one lock, so the combined log holds the chunks in the order they were written.
 * Writes are unbuffered: memory stays at the pumps' fixed buffers however much a step prints.
 *
 * <p>After a write fails (disk full) later chunks are dropped, so that the pumps keep draining the
 * pipes and the process does not block; {@link #failure()} tells the runner.
 *
 * <p>Each stream's secret values are masked before any log sees them ({@link
 * Redaction.StreamMask}, one per stream, so a value cut across two chunks is still masked), and the
 * runner's own lines are {@link Redaction#apply redacted}.
 */
final class OutputLogs implements AutoCloseable {

    /** Which stream a chunk came from. */
    enum Source {
        STDOUT,
        STDERR
    }

    private final Object lock = new Object();
    private final StepLogs paths;
    private final OutputStream combined;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private Redaction redaction = Redaction.standard();
    private Redaction.StreamMask stdoutMask = redaction.streamMask();
    private Redaction.StreamMask stderrMask = redaction.streamMask();
    private boolean closed;
    private boolean endsWithNewline = true;
    private IOException failure;
    private Path failedPath;

    private OutputLogs(StepLogs paths, OutputStream combined, OutputStream stdout, OutputStream stderr) {
        this.paths = paths;
        this.combined = combined;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Creates (or truncates) the three logs, and their folders.
     *
     * @throws IOException if a folder or file cannot be created; files already opened are closed
     */
    static OutputLogs open(StepLogs paths) throws IOException {
        OutputStream combined = create(paths.combined());
        try {
            OutputStream stdout = create(paths.stdout());
            try {
                return new OutputLogs(paths, combined, stdout, create(paths.stderr()));
            } catch (IOException e) {
                stdout.close();
                throw e;
            }
        } catch (IOException e) {
            combined.close();
            throw e;
        }
    }

    /**
     * Opens the logs of {@code spec}'s run, as {@link #open} does.
     *
     * @throws UncheckedIOException if a folder or file cannot be created (the harness, not the
     *     command, failed): {@code cannot create the logs of `<command>` in <folder>: <reason>}
     */
    static OutputLogs openFor(CommandSpec spec, StepLogs paths) {
        try {
            OutputLogs logs = open(paths);
            logs.redaction = spec.redaction();
            logs.stdoutMask = spec.redaction().streamMask();
            logs.stderrMask = spec.redaction().streamMask();
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the logs of `" + spec.display() + "` in "
                            + paths.combined().toAbsolutePath().getParent() + ": " + e.getMessage(),
                    e);
        }
    }

    private static OutputStream create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newOutputStream(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /**
     * Appends {@code length} bytes of {@code source}'s output to its own log and to the combined log.
     *
     * @return false once the logs are closed: the caller should stop reading
     */
    boolean write(Source source, byte[] bytes, int length) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            if (failure != null || length == 0) {
                return true;
            }
            boolean own = source == Source.STDOUT;
            if (redaction.masksValues()) {
                byte[] masked = (own ? stdoutMask : stderrMask).mask(bytes, length);
                append(own, masked, masked.length);
            } else {
                append(own, bytes, length);
            }
            return true;
        }
    }

    /** Appends bytes to one stream's own log and to the combined log; the caller holds the lock. */
    private void append(boolean own, byte[] bytes, int length) {
        if (length == 0 || failure != null) {
            return;
        }
        try {
            (own ? stdout : stderr).write(bytes, 0, length);
        } catch (IOException e) {
            fail(own ? paths.stdout() : paths.stderr(), e);
            return;
        }
        try {
            combined.write(bytes, 0, length);
            endsWithNewline = bytes[length - 1] == '\n';
        } catch (IOException e) {
            fail(paths.combined(), e);
        }
    }

    /** Appends a line of the runner's own to the combined log, on a line of its own. */
    void note(String line) {
        synchronized (lock) {
            if (closed || failure != null) {
                return;
            }
            String text = (endsWithNewline ? "" : "\n") + redaction.apply(line) + "\n";
            try {
                combined.write(text.getBytes(StandardCharsets.UTF_8));
                endsWithNewline = true;
            } catch (IOException e) {
                fail(paths.combined(), e);
            }
        }
    }

    private void fail(Path path, IOException e) {
        failure = e;
        failedPath = path;
    }

    /** The first write or close failure, or {@code null}. */
    IOException failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** The file the first failure was about, or {@code null}. */
    Path failedPath() {
        synchronized (lock) {
            return failedPath;
        }
    }

    /**
     * Throws the first write or close failure, if there was one.
     *
     * @throws UncheckedIOException {@code cannot write step log <file>: <reason>}
     */
    void throwIfFailed() {
        IOException failure = failure();
        if (failure != null) {
            throw new UncheckedIOException(
                    "cannot write step log " + failedPath() + ": " + failure.getMessage(), failure);
        }
    }

    /** Closes the files; later writes are dropped. Never throws: a failure is kept for {@link #failure()}. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            byte[] held = stdoutMask.finish();
            append(true, held, held.length);
            held = stderrMask.finish();
            append(false, held, held.length);
            closed = true;
            closeOne(combined, paths.combined());
            closeOne(stdout, paths.stdout());
            closeOne(stderr, paths.stderr());
        }
    }

    private void closeOne(OutputStream stream, Path path) {
        try {
            stream.close();
        } catch (IOException e) {
            if (failure == null) {
                fail(path, e);
            }
        }
    }
}
