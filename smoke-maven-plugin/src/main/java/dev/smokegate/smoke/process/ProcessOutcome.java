package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a command ended.
 *
 * @param exitCode the process's exit code. On Unix a process killed by signal {@code n} reports
 *     {@code 128+n} (the convention of POSIX shells, which {@link Process#exitValue()} follows): 143
 *     after SIGTERM, 137 after SIGKILL. 127 when the command could not be started (POSIX {@code sh}
 *     uses 127 for "command not found"); -1 when no exit code could be read.
 * @param timedOut true when the deadline passed and the runner killed the process tree
 * @param elapsed wall-clock time from start until the process ended or was killed
 * @param startError why the command could not be started (the {@link java.io.IOException}'s
 *     message), or {@code null} when it started
 * @param leftovers the processes of the command's tree still running when the command exited,
 *     which the runner then killed, each as {@code pid <n>: <command line>}; what {@code
 *     expect.no-leftover-processes} fails on. Empty when there were none, and when the command
 *     timed out (its whole tree is killed then, and that is the failure)
 * @param interrupted true when the calling thread was interrupted (the gate was stopped) while the
 *     command ran, or the JVM's shutdown killed its tree (Maven stopped with SIGTERM or Ctrl-C),
 *     and the tree was killed for that reason; its exit code is then that of the signal
 * @param stopped how many processes of the command's tree were signalled to stop (by the runner
 *     or the JVM's shutdown hook); 0 when none was
 */
public record ProcessOutcome(
        int exitCode,
        boolean timedOut,
        Duration elapsed,
        String startError,
        List<String> leftovers,
        boolean interrupted,
        int stopped) {

    /** POSIX {@code sh}: "command not found". */
    public static final int COMMAND_NOT_FOUND = 127;

    /** @throws NullPointerException if {@code elapsed} or {@code leftovers} is {@code null} */
    public ProcessOutcome {
        Objects.requireNonNull(elapsed, "elapsed");
        leftovers = List.copyOf(leftovers);
    }

    /**
     * An outcome that does not count the stopped processes.
     *
     * @throws NullPointerException if {@code elapsed} or {@code leftovers} is {@code null}
     */
    public ProcessOutcome(
            int exitCode,
            boolean timedOut,
            Duration elapsed,
            String startError,
            List<String> leftovers,
            boolean interrupted) {
        this(exitCode, timedOut, elapsed, startError, leftovers, interrupted, 0);
    }

    /**
     * An outcome of a command that was not interrupted.
     *
     * @throws NullPointerException if {@code elapsed} or {@code leftovers} is {@code null}
     */
    public ProcessOutcome(int exitCode, boolean timedOut, Duration elapsed, String startError, List<String> leftovers) {
        this(exitCode, timedOut, elapsed, startError, leftovers, false);
    }

    /** @return true when the runner killed the process tree: its deadline passed, or it was interrupted */
    public boolean killedByRunner() {
        return timedOut || interrupted;
    }

    /**
     * An outcome without leftover processes.
     *
     * @throws NullPointerException if {@code elapsed} is {@code null}
     */
    public ProcessOutcome(int exitCode, boolean timedOut, Duration elapsed, String startError) {
        this(exitCode, timedOut, elapsed, startError, List.of());
    }

    /** @return true when the process was started, whatever happened next */
    public boolean started() {
        return startError == null;
    }

    /** Reads like {@code exit code 1 after 2.5 s} in {@code -X} output. */
    @Override
    public String toString() {
        if (!started()) {
            return "not started (exit code " + exitCode + "): " + startError;
        }
        String time = Durations.elapsed(elapsed);
        if (interrupted) {
            return "killed after " + time + ": interrupted (exit code " + exitCode + ")";
        }
        return timedOut
                ? "killed after " + time + " at the deadline (exit code " + exitCode + ")"
                : "exit code " + exitCode + " after " + time;
    }
}
