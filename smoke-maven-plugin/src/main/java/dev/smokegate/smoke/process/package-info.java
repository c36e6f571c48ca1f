/**
 * Runs commands and services: output pumped into log files, one deadline, process-tree kill, a
 * shutdown hook that stops what is still running when Maven is interrupted, readiness polling and
 * the ports services listen on.
 *
 * <p>Steps:
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.process.ProcessRunner}: the entry point for a step; runs a
 *       command until it ends or its deadline passes, with an optional heartbeat.
 *   <li>{@link dev.smokegate.smoke.process.ProgressListener}: told by the heartbeat that a command
 *       still runs, with its last output line.
 *   <li>{@link dev.smokegate.smoke.process.CommandSpec}: the command, its working directory and its
 *       environment.
 *   <li>{@link dev.smokegate.smoke.process.ProcessOutcome}: how the command ended: exit code,
 *       timeout, elapsed time, start error, leftover processes.
 * </ul>
 *
 * <p>Services:
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.process.ServiceProcess}: a command that outlives its step; stop
 *       (SIGTERM, then SIGKILL), leftovers, close.
 *   <li>{@link dev.smokegate.smoke.process.StopOutcome}: which signal ended a service, its exit
 *       code and how long the stop took.
 *   <li>{@link dev.smokegate.smoke.process.ReadinessPoller}: polls a readiness probe, backing off,
 *       until it passes, the service exits, or the timeout passes.
 *   <li>{@link dev.smokegate.smoke.process.ReadinessResult}: ready, exited, or not ready with what
 *       the last probe saw.
 *   <li>{@link dev.smokegate.smoke.process.ReadinessCheck}: one kind of probe, polled once: {@link
 *       dev.smokegate.smoke.process.HttpCheck} (a GET), {@link dev.smokegate.smoke.process.TcpCheck}
 *       (a connect), {@link dev.smokegate.smoke.process.LogCheck} (a regex on the log as it
 *       streams).
 *   <li>{@link dev.smokegate.smoke.process.PortReservations}: the free loopback ports of a gate run,
 *       locked among runs; {@link dev.smokegate.smoke.process.Ports}: those of one scenario, by name.
 * </ul>
 *
 * <p>Shared by both:
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.process.StartedCommand}: a command started with the tree cookie
 *       and its output pumped into the logs.
 *   <li>{@link dev.smokegate.smoke.process.ProcessTree}: the started process and all it forked, and
 *       how to kill them.
 *   <li>{@link dev.smokegate.smoke.process.Leftovers}: the processes of a tree still running when
 *       they should not, named by pid and command line.
 *   <li>{@link dev.smokegate.smoke.process.LiveProcesses}: the trees and services running now,
 *       killed by a shutdown hook.
 *   <li>{@link dev.smokegate.smoke.process.StepLogs}: the three log files of a step or service.
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
