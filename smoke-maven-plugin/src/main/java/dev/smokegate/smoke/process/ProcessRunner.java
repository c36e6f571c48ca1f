package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.SmokeLog;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a command to completion or until a deadline, with its output in {@link StepLogs}.
 *
 * <ul>
 *   <li><b>Environment:</b> this JVM's environment, then {@link CommandSpec#env()} on top. The
 *       runner adds {@code SMOKE_PROCESS_TREE}, a cookie that lets it find background processes
 *       the command leaves behind (see below).
 *   <li><b>Input:</b> standard input is closed at once, so a command that reads it (such as {@code
 *       cat}) sees end of input instead of waiting forever.
 *   <li><b>Output:</b> standard output and standard error are each read by a thread of their own
 *       through a fixed {@value #BUFFER_BYTES}-byte buffer and written, unbuffered, to the stream's
 *       own log and to the combined log. Memory does not grow with the amount of output.
 *   <li><b>Deadline:</b> one {@link Instant}, passed down from the caller; there is no other
 *       timeout. When it passes, the whole process tree is killed: every process is collected
 *       first (so none escapes by being re-parented once its parent dies), then sent SIGTERM,
 *       parents before children, and after a grace of 2 s SIGKILL. The combined log's last line then reads {@code
 *       [smoke] killed after 5.0 s: step timeout reached}.
 *   <li><b>Background processes:</b> processes of the tree still running when the command exits
 *       (jobs started with {@code &} and not waited for) are killed the same way, and named in the
 *       combined log: {@code [smoke] killed 1 background process still running when the step
 *       ended: 4242 (sleep 100)}. They are found by the cookie in their environment, as Jenkins
 *       finds stray build processes; this needs {@code /proc} (Linux), elsewhere only live
 *       descendants are found. So no step leaves a process running for the next one. If a stream
 *       still stays open 2 s after that (held by a process outside the tree), the runner stops
 *       reading it and says so.
 *   <li><b>Interruption:</b> if the JVM shuts down (Maven interrupted with Ctrl-C) while a command
 *       runs, a shutdown hook kills its tree. If the calling thread is interrupted, the tree is
 *       killed and the thread's interrupt flag is set again on return.
 * </ul>
 *
 * <p>Instances hold no state between runs and may be shared between threads.
 */
public final class ProcessRunner {

    /** The size of each stream's read buffer, in bytes. */
    public static final int BUFFER_BYTES = 64 * 1024;

    private static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(2);
    private static final Duration DEFAULT_DRAIN_GRACE = Duration.ofSeconds(2);

    /** Leftover processes named in the combined log, at most. */
    private static final int LEFTOVERS_NAMED = 3;

    /** Characters of a leftover process's command line shown. */
    private static final int COMMAND_CHARS = 100;

    private final SmokeLog log;
    private final Duration killGrace;
    private final Duration drainGrace;

    /**
     * A runner that reports what it does to {@code log} at debug level, and warns when it has to
     * give up reading a step's output.
     *
     * @param log where progress goes
     */
    public ProcessRunner(SmokeLog log) {
        this(log, DEFAULT_KILL_GRACE, DEFAULT_DRAIN_GRACE);
    }

    /**
     * @param killGrace how long a process gets between SIGTERM and SIGKILL
     * @param drainGrace how long the output may stay open after the command exited
     */
    ProcessRunner(SmokeLog log, Duration killGrace, Duration drainGrace) {
        this.log = Objects.requireNonNull(log, "log");
        this.killGrace = Objects.requireNonNull(killGrace, "killGrace");
        this.drainGrace = Objects.requireNonNull(drainGrace, "drainGrace");
    }

    /**
     * Runs {@code spec} until it exits or {@code deadline} passes. Never throws for a command that
     * fails, cannot start, or times out: that is in the returned outcome and in the logs.
     *
     * <p>A command that cannot be started (program not found, working directory missing) gives exit
     * code 127, the code POSIX {@code sh} uses for "command not found", with the reason in {@link
     * ProcessOutcome#startError()} and, prefixed {@code [smoke] }, in the combined log.
     *
     * @param spec what to run
     * @param logs where the output goes; the files are created or truncated, with their folders
     * @param deadline when to kill the command; a deadline already past kills it at once
     * @return how the command ended
     * @throws UncheckedIOException if a log file cannot be created or written (the harness, not the
     *     command, failed); the message names the file
     */
    public ProcessOutcome run(CommandSpec spec, StepLogs logs, Instant deadline) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(deadline, "deadline");
        OutputLogs out;
        try {
            out = OutputLogs.open(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the logs of `" + spec.display() + "` in "
                            + logs.combined().toAbsolutePath().getParent() + ": " + e.getMessage(),
                    e);
        }
        ProcessOutcome outcome;
        try (out) {
            outcome = run(spec, out, deadline);
        }
        IOException failure = out.failure();
        if (failure != null) {
            throw new UncheckedIOException(
                    "cannot write step log " + out.failedPath() + ": " + failure.getMessage(), failure);
        }
        return outcome;
    }

    private ProcessOutcome run(CommandSpec spec, OutputLogs out, Instant deadline) {
        long start = System.nanoTime();
        String cookie = ProcessTree.newCookie();
        Process process;
        try {
            if (!Files.isDirectory(spec.cwd())) {
                throw new IOException("working directory " + spec.cwd() + " does not exist");
            }
            log.debug("Running `" + spec.display() + "` in " + spec.cwd());
            process = builder(spec, cookie).start();
        } catch (IOException e) {
            String message = e.getMessage();
            out.note("[smoke] " + message);
            log.debug("Could not start `" + spec.display() + "`: " + message);
            return new ProcessOutcome(ProcessOutcome.COMMAND_NOT_FOUND, false, since(start), message);
        }
        ProcessTree tree = new ProcessTree(process.toHandle(), cookie);
        LiveProcesses.add(tree);
        try {
            closeQuietly(process.getOutputStream());
            long pid = process.pid();
            Thread stdout = pump(process.getInputStream(), out, OutputLogs.Source.STDOUT, "smoke-stdout-" + pid);
            Thread stderr = pump(process.getErrorStream(), out, OutputLogs.Source.STDERR, "smoke-stderr-" + pid);

            boolean exited;
            boolean interrupted = false;
            try {
                exited = process.waitFor(nanosUntil(deadline), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // clean up with the flag clear, so the waits below work; it is set again on return
                interrupted = true;
                exited = false;
            }
            Duration elapsed = since(start);
            if (!exited) {
                log.debug("Killing " + tree + ": " + (interrupted ? "interrupted" : "deadline reached"));
                tree.kill(killGrace);
                awaitExit(process, killGrace);
            }
            int exitCode = process.isAlive() ? -1 : process.exitValue();
            if (exited) {
                killLeftovers(tree, out);
            }
            drain(tree, out, stdout, stderr);
            if (!exited) {
                String why = interrupted ? "interrupted" : "step timeout reached";
                out.note("[smoke] killed after " + Durations.elapsed(elapsed) + ": " + why);
            }
            ProcessOutcome outcome = new ProcessOutcome(exitCode, !exited && !interrupted, elapsed, null);
            log.debug("`" + spec.display() + "`: " + outcome);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return outcome;
        } finally {
            LiveProcesses.remove(tree);
            closeQuietly(process.getInputStream());
            closeQuietly(process.getErrorStream());
        }
    }

    private static ProcessBuilder builder(CommandSpec spec, String cookie) {
        ProcessBuilder builder =
                new ProcessBuilder(spec.command()).directory(spec.cwd().toFile());
        Map<String, String> env = builder.environment();
        env.putAll(spec.env());
        env.put(ProcessTree.COOKIE_VARIABLE, ProcessTree.cookieValue(env.get(ProcessTree.COOKIE_VARIABLE), cookie));
        return builder;
    }

    /**
     * Kills the processes of the tree still running after the command exited: background jobs it
     * did not wait for. They would otherwise outlive the step, hold its output open, and disturb
     * the steps and scenarios after it. Notes them, with pid and command line, in the combined log.
     */
    private void killLeftovers(ProcessTree tree, OutputLogs out) {
        List<ProcessHandle> left = tree.members();
        if (left.isEmpty()) {
            return;
        }
        String which = left.stream()
                .limit(LEFTOVERS_NAMED)
                .map(ProcessRunner::describe)
                .collect(Collectors.joining(", "));
        if (left.size() > LEFTOVERS_NAMED) {
            which += " and " + (left.size() - LEFTOVERS_NAMED) + " more";
        }
        tree.kill(killGrace);
        String count = left.size() == 1 ? "1 background process" : left.size() + " background processes";
        out.note("[smoke] killed " + count + " still running when the step ended: " + which);
        log.debug("Killed " + count + " of " + tree + " still running when the step ended: " + which);
    }

    private static String describe(ProcessHandle process) {
        String command =
                process.info().commandLine().or(() -> process.info().command()).orElse("?");
        if (command.length() > COMMAND_CHARS) {
            command = command.substring(0, COMMAND_CHARS) + "...";
        }
        return process.pid() + " (" + command + ")";
    }

    /**
     * Waits for both pumps. A stream that stays open longer than the drain grace after the tree
     * ended is held by a process outside the tree: the runner stops reading it.
     */
    private void drain(ProcessTree tree, OutputLogs out, Thread stdout, Thread stderr) {
        if (join(drainGrace, stdout, stderr)) {
            return;
        }
        String why = " " + Durations.format(drainGrace)
                + " after the step ended: a process outside the step's process tree keeps it open";
        out.note("[smoke] stopped reading the output" + why);
        log.warn("Stopped reading the output of " + tree + why);
    }

    private static Thread pump(InputStream in, OutputLogs out, OutputLogs.Source source, String name) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[BUFFER_BYTES];
                    try {
                        int n;
                        while ((n = in.read(buffer)) != -1) {
                            if (!out.write(source, buffer, n)) {
                                return;
                            }
                        }
                    } catch (IOException e) {
                        // the runner closed the stream after giving up on it
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Joins all threads within {@code timeout} in total; false if one is still running. */
    private static boolean join(Duration timeout, Thread... threads) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return allDone(threads);
            }
        }
        return allDone(threads);
    }

    private static boolean allDone(Thread... threads) {
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private static void awaitExit(Process process, Duration timeout) {
        try {
            process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long nanosUntil(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative()) {
            return 0;
        }
        return left.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : left.toNanos();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing left to do with a stream of a process that has ended
        }
    }

    @Override
    public String toString() {
        return "ProcessRunner[kill grace " + Durations.format(killGrace) + ", drain grace "
                + Durations.format(drainGrace) + "]";
    }
}
