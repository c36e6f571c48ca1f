package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A service: a command started like a step's (same environment cookie, output pumped the same way
 * into its {@link StepLogs}), but meant to outlive the step that started it. Its scenario owns it and
 * ends it with {@link #stop(Duration)} or {@link #close()}.
 *
 * <ul>
 *   <li><b>Stop:</b> SIGTERM to the service and every process still linked to it (its {@link
 *       ProcessHandle#descendants()}), then, after the stop timeout, SIGKILL to the survivors. A
 *       service started through {@code sh -c} has its shell signalled after the processes it runs
 *       have ended (within the same timeout): the JDK closes a child's output pipes when that child
 *       exits, and the shell's early death would lose the service's last lines. The
 *       combined log's last line says which ended it: {@code [smoke] stopped by SIGTERM after 0.4 s
 *       (exit code 143)}.
 *   <li><b>Leftovers:</b> processes that carry the service's cookie but are no longer linked to it
 *       (a daemon it forked, re-parented to {@code init}) are not signalled by the stop: they are
 *       what the service left behind. {@link #leftovers()} names them, so that {@code
 *       expect.no-leftover-processes} can fail on them; {@link #killLeftovers()} ends them, and
 *       {@link #close()} always does.
 *   <li><b>Shutdown:</b> while it is open the service is registered with the shutdown hook, which
 *       kills its whole tree when the JVM exits (Maven interrupted with Ctrl-C, or sent SIGTERM).
 * </ul>
 *
 * <p>Thread-safe: the scenario's thread starts and stops it while a readiness poller watches it.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Exit code reported for a service that could not be started: POSIX {@code sh}'s 127. */
    private static final int NOT_STARTED = ProcessOutcome.COMMAND_NOT_FOUND;

    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    private final CommandSpec spec;
    private final StepLogs logs;
    private final Duration stopTimeout;
    private final Duration grace;
    private final OutputLogs out;
    private final StartedCommand command;
    private final String startError;
    private StopOutcome stopped;
    private boolean closed;

    private ServiceProcess(
            CommandSpec spec,
            StepLogs logs,
            Duration stopTimeout,
            Duration grace,
            OutputLogs out,
            StartedCommand command,
            String startError) {
        this.spec = spec;
        this.logs = logs;
        this.stopTimeout = stopTimeout;
        this.grace = grace;
        this.out = out;
        this.command = command;
        this.startError = startError;
    }

    /**
     * Starts {@code spec} as a service. A service that cannot be started (program not found,
     * working directory missing) is returned too, with {@link #startError()} set, exit code 127, and
     * the reason, prefixed {@code [smoke] }, in the combined log.
     *
     * @param spec what to run
     * @param logs where the output goes; the files are created or truncated, with their folders
     * @param stopTimeout how long SIGTERM has before SIGKILL when the service is {@link #close()
     *     closed} without a {@link #stop(Duration)} first; positive
     * @return the service, running or not
     * @throws UncheckedIOException if a log file cannot be created; the message names the folder
     */
    public static ServiceProcess start(CommandSpec spec, StepLogs logs, Duration stopTimeout) {
        return start(spec, logs, stopTimeout, DEFAULT_GRACE);
    }

    /**
     * @param grace how long the output may stay open after the service ended, and how long SIGKILL
     *     has to end it
     */
    static ServiceProcess start(CommandSpec spec, StepLogs logs, Duration stopTimeout, Duration grace) {
        Objects.requireNonNull(spec, "spec");
        if (stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("stopTimeout must be positive, got " + stopTimeout);
        }
        OutputLogs out = OutputLogs.openFor(spec, logs);
        StartedCommand command;
        try {
            command = StartedCommand.start(spec, out);
        } catch (IOException e) {
            out.note("[smoke] " + e.getMessage());
            return new ServiceProcess(spec, logs, stopTimeout, grace, out, null, e.getMessage());
        }
        ServiceProcess service = new ServiceProcess(spec, logs, stopTimeout, grace, out, command, null);
        LiveProcesses.add(service);
        return service;
    }

    /** @return why the service could not be started (the {@link IOException}'s message), or empty */
    public Optional<String> startError() {
        return Optional.ofNullable(startError);
    }

    /** @return the service's logs; readiness by log line and the post-mortem read the combined one */
    public StepLogs logs() {
        return logs;
    }

    /** @return true while the service's own process runs */
    public boolean alive() {
        return command != null && command.process().isAlive();
    }

    /** @return the service's exit code once it has exited (127 if it never started); empty while it runs */
    public OptionalInt exitCode() {
        if (command == null) {
            return OptionalInt.of(NOT_STARTED);
        }
        Process process = command.process();
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Waits until the service's own process exits, at most {@code timeout}.
     *
     * @param timeout how long to wait at most
     * @return true if it has exited (or never started)
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return command == null || command.process().waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops the service: SIGTERM to it and every process still linked to it, up to {@code
     * timeout} for them to exit, then SIGKILL to those left, and notes which one ended it in the
     * combined log. A service that has already exited is left as it is. Stopping again returns the
     * first outcome.
     *
     * @param timeout how long SIGTERM has before SIGKILL; positive
     * @return which signal ended it, its exit code and how long the stop took
     */
    public synchronized StopOutcome stop(Duration timeout) {
        if (stopped != null) {
            return stopped;
        }
        long begin = System.nanoTime();
        StopOutcome.EndedBy endedBy = StopOutcome.EndedBy.ALREADY_EXITED;
        int exitCode = NOT_STARTED;
        if (command != null) {
            Process process = command.process();
            if (process.isAlive()) {
                endedBy = signal(command.tree(), timeout);
            }
            exitCode = exitCodeAfter(process);
            command.drain(grace);
        }
        stopped = new StopOutcome(endedBy, exitCode, Duration.ofNanos(System.nanoTime() - begin));
        out.note("[smoke] " + stopped);
        return stopped;
    }

    private StopOutcome.EndedBy signal(ProcessTree tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> targets = tree.linked();
        if (shellWrapped() && targets.size() > 1) {
            // The gate's own sh -c goes last: the JDK closes a child's output pipes as soon as that
            // child exits, so a shell that died first would cut off what the service prints while
            // it shuts down. A shell that only waits exits with its command.
            List<ProcessHandle> inner = targets.subList(1, targets.size());
            inner.forEach(ProcessHandle::destroy);
            ProcessTree.awaitGone(inner, left(deadline));
            tree.root().destroy();
        } else {
            targets.forEach(ProcessHandle::destroy);
        }
        if (ProcessTree.awaitGone(targets, left(deadline))) {
            return StopOutcome.EndedBy.SIGTERM;
        }
        Set<ProcessHandle> survivors = new LinkedHashSet<>(tree.linked());
        targets.stream().filter(ProcessTree::isRunning).forEach(survivors::add);
        survivors.forEach(ProcessHandle::destroyForcibly);
        ProcessTree.awaitGone(new ArrayList<>(survivors), grace);
        return StopOutcome.EndedBy.SIGKILL;
    }

    /** Whether the gate started the service through {@code sh -c} ({@code service.run}). */
    private boolean shellWrapped() {
        List<String> line = spec.command();
        return line.size() == 3 && line.get(0).equals("sh") && line.get(1).equals("-c");
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private int exitCodeAfter(Process process) {
        try {
            // the process may have ended a moment before the JVM reaped it
            return process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return process.isAlive() ? -1 : process.exitValue();
        }
    }

    /**
     * The processes of the service's tree that still run: after {@link #stop(Duration)}, those the
     * service left behind (found by its cookie); before, the service itself and all it runs.
     *
     * @return each as {@code pid <n>: <command line>}, parents first; empty if none or it never
     *     started
     */
    public List<String> leftovers() {
        return command == null ? List.of() : Leftovers.of(command.tree()).named();
    }

    /**
     * Kills the processes of the service's tree that still run (SIGTERM, then SIGKILL), and names
     * them in the combined log: {@code [smoke] killed 1 background process still running after the
     * service stopped: 4242 (sleep 600)}.
     *
     * @return the killed processes, each as {@code pid <n>: <command line>}; empty if none ran
     */
    public synchronized List<String> killLeftovers() {
        if (command == null) {
            return List.of();
        }
        Leftovers left = Leftovers.of(command.tree());
        if (left.isEmpty()) {
            return List.of();
        }
        command.tree().kill(grace);
        out.note(left.killedNote("after the service stopped"));
        return left.named();
    }

    /**
     * Ends everything: {@link #stop(Duration)} with the stop timeout given at start if the service
     * was not stopped, then {@link #killLeftovers()}, then closes the logs. Safe to call more than
     * once.
     *
     * @throws UncheckedIOException if a log could not be written ({@code cannot write step log
     *     <file>: <reason>}); everything is ended and closed all the same
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop(stopTimeout);
            killLeftovers();
            if (command != null && !command.drain(grace)) {
                out.note("[smoke] stopped reading the output " + Durations.format(grace)
                        + " after the service stopped: a process outside the service's process tree keeps it open");
            }
        } finally {
            LiveProcesses.remove(this);
            if (command != null) {
                command.closeStreams();
            }
            out.close();
        }
        out.throwIfFailed();
    }

    /** Run by the shutdown hook: kills the whole tree at once, with {@code grace} between the signals. */
    void shutdown(Duration grace) {
        if (command == null || command.tree().members().isEmpty()) {
            return;
        }
        out.note("[smoke] killing the service and its processes: the gate is shutting down");
        command.tree().kill(grace);
    }

    @Override
    public String toString() {
        return "service `" + spec.display() + "`"
                + (command == null
                        ? " (not started)"
                        : " (pid " + command.process().pid() + ")");
    }
}
