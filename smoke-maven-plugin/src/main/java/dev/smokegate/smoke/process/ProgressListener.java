package dev.smokegate.smoke.process;

import java.time.Duration;

/**
 * Told, every so often while a step's command runs, that it is still running: the heartbeat that
 * shows a CI log the gate is alive. Called on the thread that runs the command, between two waits;
 * it should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * The command is still running.
     *
     * @param elapsed the time since the command started
     * @param lastLine the last non-blank line of the step's combined log so far, cut to {@value
     *     ProcessRunner#HEARTBEAT_LINE_CHARS} characters; empty when there is none yet
     */
    void stillRunning(Duration elapsed, String lastLine);
}
