package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.SmokeLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

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
 *       (jobs started with {@code &} and not waited for) are killed the same way, named in the
 *       combined log, and returned in {@link ProcessOutcome#leftovers()}: {@code [smoke] killed 1 background process still running when the step
 *       ended: 4242 (sleep 100)}. They are found by the cookie in their environment, as Jenkins
 *       finds stray build processes; this needs {@code /proc} (Linux), elsewhere only live
 *       descendants are found. So no step leaves a process running for the next one. If a stream
 *       still stays open 2 s after that (held by a process outside the tree), the runner stops
 *       reading it and says so.
 *   <li><b>Heartbeat:</b> optionally, a {@link ProgressListener} is told every so often that the
 *       command still runs, with the last non-blank line of its combined log, read from the end of
 *       the file.
 *   <li><b>Interruption:</b> if the JVM shuts down (Maven interrupted with Ctrl-C) while a command
 *       runs, a shutdown hook kills its tree. If the calling thread is interrupted, the tree is
 *       killed and the thread's interrupt flag is set again on return. Either way the outcome is
 *       {@link ProcessOutcome#interrupted() interrupted} (also when the hook's signal ended the
 *       command before the thread was interrupted; the thread's flag is then set) and counts the
 *       processes of the tree that were {@link ProcessOutcome#stopped() stopped}.
 * </ul>
 *
 * <p>Instances hold no state between runs and may be shared between threads.
 */
public final class ProcessRunner {

    /** The size of each stream's read buffer, in bytes. */
    public static final int BUFFER_BYTES = 64 * 1024;

    private static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(2);
    private static final Duration DEFAULT_DRAIN_GRACE = Duration.ofSeconds(2);

    /** Characters of the last output line a heartbeat shows, at most. */
    public static final int HEARTBEAT_LINE_CHARS = 120;

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
     * Runs {@code spec} until it exits or {@code deadline} passes, without a heartbeat. Never throws
     * for a command that fails, cannot start, or times out: that is in the returned outcome and in
     * the logs.
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
        return run(spec, logs, deadline, Duration.ZERO, (elapsed, line) -> {});
    }

    /**
     * Runs {@code spec} as {@link #run(CommandSpec, StepLogs, Instant)} does, and tells {@code
     * progress} every {@code heartbeat} while it runs (after {@code heartbeat}, {@code 2 *
     * heartbeat}, and so on) how long it has run and the last non-blank line of its combined log.
     *
     * @param spec what to run
     * @param logs where the output goes; the files are created or truncated, with their folders
     * @param deadline when to kill the command; a deadline already past kills it at once
     * @param heartbeat how often to call {@code progress}; zero turns the heartbeat off
     * @param progress told that the command still runs; if it throws, the command's tree is killed
     *     and the exception passes on
     * @return how the command ended
     * @throws UncheckedIOException if a log file cannot be created or written; the message names the
     *     file
     * @throws IllegalArgumentException if {@code heartbeat} is negative
     */
    public ProcessOutcome run(
            CommandSpec spec, StepLogs logs, Instant deadline, Duration heartbeat, ProgressListener progress) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(progress, "progress");
        if (heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat must not be negative, got " + heartbeat);
        }
        OutputLogs out = OutputLogs.openFor(spec, logs);
        ProcessOutcome outcome;
        try (out) {
            outcome = run(spec, out, deadline, new Heartbeat(heartbeat, progress, logs));
        }
        out.throwIfFailed();
        return outcome;
    }

    /** When to call the listener next, and with what. */
    private record Heartbeat(Duration every, ProgressListener listener, StepLogs logs) {
        boolean on() {
            return !every.isZero();
        }

        void beat(Duration elapsed) {
            listener.stillRunning(
                    elapsed,
                    LogTail.lastNonBlankLine(logs.combined(), HEARTBEAT_LINE_CHARS)
                            .orElse(""));
        }
    }

    private ProcessOutcome run(CommandSpec spec, OutputLogs out, Instant deadline, Heartbeat heartbeat) {
        long start = System.nanoTime();
        StartedCommand command;
        try {
            log.debug("Running `" + spec.display() + "` in " + spec.cwd());
            command = StartedCommand.start(spec, out);
        } catch (IOException e) {
            String message = e.getMessage();
            out.note("[smoke] " + message);
            log.debug("Could not start `" + spec.display() + "`: " + message);
            return new ProcessOutcome(ProcessOutcome.COMMAND_NOT_FOUND, false, since(start), message);
        }
        Process process = command.process();
        ProcessTree tree = command.tree();
        LiveProcesses.add(tree);
        try {
            boolean exited;
            boolean interrupted = false;
            try {
                exited = await(process, tree, deadline, heartbeat, start);
            } catch (InterruptedException e) {
                // clean up with the flag clear, so the waits below work; it is set again on return
                interrupted = true;
                exited = false;
            }
            Duration elapsed = since(start);
            // the JVM's shutdown hook may have killed the tree before this thread was interrupted
            boolean stoppedAtShutdown = tree.stoppedAtShutdown() && !interrupted;
            if (stoppedAtShutdown) {
                interrupted = true;
                exited = false;
            }
            if (!exited) {
                log.debug("Killing " + tree + ": " + (interrupted ? "interrupted" : "deadline reached"));
                tree.kill(killGrace);
                awaitExit(process, killGrace);
            }
            int exitCode = process.isAlive() ? -1 : process.exitValue();
            List<String> leftovers = exited ? killLeftovers(tree, out) : List.of();
            drain(command, out);
            if (!exited) {
                String why = interrupted ? "interrupted" : "step timeout reached";
                out.note("[smoke] killed after " + Durations.elapsed(elapsed) + ": " + why);
            }
            ProcessOutcome outcome = new ProcessOutcome(
                    exitCode, !exited && !interrupted, elapsed, null, leftovers, interrupted, tree.stopped());
            log.debug("`" + spec.display() + "`: " + outcome);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return outcome;
        } finally {
            LiveProcesses.remove(tree);
            command.closeStreams();
        }
    }

    /**
     * Waits until the process exits (true) or the deadline passes (false), beating the heart on the
     * way. If the listener throws, the tree is killed before the exception passes on.
     */
    private boolean await(Process process, ProcessTree tree, Instant deadline, Heartbeat heartbeat, long start)
            throws InterruptedException {
        long nextBeat = start + (heartbeat.on() ? heartbeat.every().toNanos() : 0);
        while (true) {
            long wait = nanosUntil(deadline);
            if (heartbeat.on()) {
                wait = Math.min(wait, Math.max(0, nextBeat - System.nanoTime()));
            }
            if (process.waitFor(wait, TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (nanosUntil(deadline) == 0) {
                return false;
            }
            if (heartbeat.on() && System.nanoTime() - nextBeat >= 0) {
                try {
                    heartbeat.beat(since(start));
                } catch (RuntimeException | Error e) {
                    tree.kill(killGrace);
                    throw e;
                }
                nextBeat += heartbeat.every().toNanos();
            }
        }
    }

    /**
     * Kills the processes of the tree still running after the command exited: background jobs it
     * did not wait for. They would otherwise outlive the step, hold its output open, and disturb
     * the steps and scenarios after it. Notes them, with pid and command line, in the combined log.
     *
     * @return the killed processes, each as {@code pid <n>: <command line>}
     */
    private List<String> killLeftovers(ProcessTree tree, OutputLogs out) {
        Leftovers left = Leftovers.of(tree);
        if (left.isEmpty()) {
            return List.of();
        }
        tree.kill(killGrace);
        out.note(left.killedNote("when the step ended"));
        log.debug("Killed " + left.count() + " of " + tree + " still running when the step ended: "
                + String.join(", ", left.shown()));
        return left.named();
    }

    /**
     * Waits for both pumps. A stream that stays open longer than the drain grace after the tree
     * ended is held by a process outside the tree: the runner stops reading it.
     */
    private void drain(StartedCommand command, OutputLogs out) {
        if (command.drain(drainGrace)) {
            return;
        }
        String why = " " + Durations.format(drainGrace)
                + " after the step ended: a process outside the step's process tree keeps it open";
        out.note("[smoke] stopped reading the output" + why);
        log.warn("Stopped reading the output of " + command.tree() + why);
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

    @Override
    public String toString() {
        return "ProcessRunner[kill grace " + Durations.format(killGrace) + ", drain grace "
                + Durations.format(drainGrace) + "]";
    }
}
