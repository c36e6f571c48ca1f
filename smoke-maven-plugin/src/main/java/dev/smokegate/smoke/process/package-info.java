/**
 * Runs one step's command: output pumped into log files, one deadline, process-tree kill, and a
 * shutdown hook that stops what is still running when Maven is interrupted.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.process.ProcessRunner}: the entry point; runs a command until it
 *       ends or its deadline passes.
 *   <li>{@link dev.smokegate.smoke.process.CommandSpec}: the command, its working directory and its
 *       environment.
 *   <li>{@link dev.smokegate.smoke.process.ProcessOutcome}: how the command ended: exit code,
 *       timeout, elapsed time, start error.
 *   <li>{@link dev.smokegate.smoke.process.ProcessTree}: the started process and all it forked, and
 *       how to kill them.
 *   <li>{@link dev.smokegate.smoke.process.LiveProcesses}: the trees running now, killed by a
 *       shutdown hook.
 *   <li>{@link dev.smokegate.smoke.process.StepLogs}: the three log files of a step.
 *   <li>{@link dev.smokegate.smoke.process.OutputLogs}: the open log files of a run, written in
 *       order.
 *   <li>{@link dev.smokegate.smoke.process.LogTail}: the last lines of a log, read from its end.
 *   <li>{@link dev.smokegate.smoke.process.ExitCodes}: what an exit code conventionally means.
 * </ul>
 *
 * <p>Plain Java: nothing here imports Maven. Limits print in the manifest form and measured times in
 * the elapsed form of {@link dev.smokegate.smoke.model.Durations}.
 */
package dev.smokegate.smoke.process;
