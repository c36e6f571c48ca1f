/**
 * Runs one step's command: output pumped into log files, one deadline, process-tree kill, and a
 * shutdown hook that stops what is still running when Maven is interrupted.
 *
 * <p>Plain Java: nothing here imports Maven. The entry point is {@link
 * dev.smokegate.smoke.process.ProcessRunner}.
 */
package dev.smokegate.smoke.process;
