package dev.smokegate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external programs the benchmarks compare against (git, cpio, mvn) with a deadline, and
 * times them with {@link System#nanoTime()} around start and exit. A program still running at its
 * deadline, or when this JVM exits, is killed with its whole process tree, so a benchmark never
 * leaves a process behind.
 */
final class Commands {

    /** Programs started and not yet exited; the shutdown hook kills what is left. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    /** Output kept in {@link Result#output()} at most, in bytes (the tail of it). */
    private static final int KEPT_OUTPUT = 64 * 1024;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Commands::killTree), "bench-cleanup"));
    }

    private Commands() {}

    /**
     * How a program ended.
     *
     * @param command what ran
     * @param exit its exit code
     * @param nanos wall time from start to exit
     * @param output the end of its stdout and stderr together
     */
    record Result(List<String> command, int exit, long nanos, String output) {
        double millis() {
            return nanos / 1e6;
        }

        /** This result, or an exception naming the command, exit code and output when it failed. */
        Result check() {
            if (exit != 0) {
                throw new IllegalStateException(
                        "`" + String.join(" ", command) + "` exited with " + exit + ":\n" + output);
            }
            return this;
        }
    }

    /**
     * Runs a program to completion.
     *
     * @param cwd its working directory
     * @param env variables added to this JVM's environment (may be empty)
     * @param timeout how long it may run before its tree is killed
     * @param log where its stdout and stderr go, or {@code null} for a temporary file
     * @param command the program and its arguments
     * @return the exit code, wall time and output; exit -1 after a timeout
     */
    static Result run(Path cwd, Map<String, String> env, Duration timeout, Path log, List<String> command) {
        Path output = log;
        try {
            if (output == null) {
                output = Files.createTempFile("bench-command", ".log");
            } else {
                Files.createDirectories(output.toAbsolutePath().getParent());
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process process = builder.start();
            LIVE.add(process);
            int exit;
            try {
                if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    exit = process.exitValue();
                } else {
                    killTree(process);
                    exit = -1;
                }
            } catch (InterruptedException e) {
                killTree(process);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + command, e);
            } finally {
                LIVE.remove(process);
            }
            long nanos = System.nanoTime() - start;
            String text = tail(output);
            if (exit == -1) {
                text += "\n[bench] killed after " + timeout.toSeconds() + " s";
            }
            return new Result(List.copyOf(command), exit, nanos, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + e.getMessage(), e);
        } finally {
            if (log == null && output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file in /tmp
                }
            }
        }
    }

    /** {@link #run} with no extra environment, output kept in memory, and the exit code checked. */
    static Result check(Path cwd, Duration timeout, String... command) {
        return run(cwd, Map.of(), timeout, null, List.of(command)).check();
    }

    /** A shell command line, checked. */
    static Result sh(Path cwd, Duration timeout, String script) {
        return check(cwd, timeout, "sh", "-c", script);
    }

    /** Removes a tree with {@code rm -rf} (faster than a Java walk for 20,000 files). */
    static void delete(Path path) {
        check(Path.of("/"), Duration.ofMinutes(5), "rm", "-rf", "--", path.toString());
    }

    /**
     * Flushes dirty pages ({@code sync}) so the next timed operation does not pay for the
     * write-back of the previous one.
     */
    static void sync() {
        check(Path.of("/"), Duration.ofMinutes(5), "sync");
    }

    /** Quotes a word for {@code sh}. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static String tail(Path file) throws IOException {
        long size = Files.size(file);
        if (size <= KEPT_OUTPUT) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        try (var channel = Files.newByteChannel(file)) {
            channel.position(size - KEPT_OUTPUT);
            var buffer = java.nio.ByteBuffer.allocate(KEPT_OUTPUT);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill
            }
            return "[...]" + new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    /** Kills descendants first (collected before anyone dies, so none is re-parented away), then the process. */
    private static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
