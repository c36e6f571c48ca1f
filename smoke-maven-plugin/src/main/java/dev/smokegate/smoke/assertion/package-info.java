/**
 * The checks of a step's {@code expect} table, one small class per kind, each evaluated against
 * what the step left behind: its exit code, its logs, the files in its working directory, the HTTP
 * response head of a probe and the processes it left running.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.assertion.Checks}: the entry point; a step's expectations as
 *       checks, in a stable order that depends on the step's action.
 *   <li>{@link dev.smokegate.smoke.assertion.Check}: one expectation (sealed); {@link
 *       dev.smokegate.smoke.assertion.CheckResult}: its verdict, worded for a report.
 *   <li>{@link dev.smokegate.smoke.assertion.ExitCodeCheck}: the exit code.
 *   <li>{@link dev.smokegate.smoke.assertion.StatusCheck}: the HTTP status of a probe's response;
 *       {@link dev.smokegate.smoke.assertion.HeaderContainsCheck}: a text in one of its headers.
 *   <li>{@link dev.smokegate.smoke.assertion.NoLeftoverProcessesCheck}: no process of the step (or
 *       of the stopped service) still running.
 *   <li>{@link dev.smokegate.smoke.assertion.ContainsCheck} and {@link
 *       dev.smokegate.smoke.assertion.NotContainsCheck}: a literal text in a log, or not; their
 *       shared base is {@link dev.smokegate.smoke.assertion.LiteralCheck}.
 *   <li>{@link dev.smokegate.smoke.assertion.MatchesCheck}: a regular expression in a log.
 *   <li>{@link dev.smokegate.smoke.assertion.FileExistsCheck} and {@link
 *       dev.smokegate.smoke.assertion.FileAbsentCheck}: a path matching a glob, or none; their
 *       shared base is {@link dev.smokegate.smoke.assertion.GlobCheck}.
 *   <li>{@link dev.smokegate.smoke.assertion.FileContainsCheck}: a literal text in a file.
 *   <li>{@link dev.smokegate.smoke.assertion.GoldenCheck}: a whole log or file equals a golden file
 *       ({@code equals-file}); {@link dev.smokegate.smoke.assertion.GoldenMatch}: its wildcards
 *       ({@code [..]}, {@code ...}) and what the golden file would hold to match, for update mode;
 *       {@link dev.smokegate.smoke.assertion.GoldenDiff}: the unified diff of a mismatch.
 *   <li>{@link dev.smokegate.smoke.assertion.JsonPointerCheck}: a value at a JSON Pointer of stdout
 *       (a probe's body) or a file.
 *   <li>{@link dev.smokegate.smoke.assertion.StepOutput}: what a step left behind; {@link
 *       dev.smokegate.smoke.assertion.LogStream}: which of its logs a check reads, and under which
 *       name ({@code stdout}, {@code stderr}, {@code output}; {@code body} for a probe's response,
 *       {@code log} for a service's output).
 *   <li>{@link dev.smokegate.smoke.assertion.TextSearch}: streamed search of a file through a
 *       window; {@link dev.smokegate.smoke.assertion.ClosestLine}: the evidence of a text not found.
 *   <li>{@link dev.smokegate.smoke.assertion.GlobWalk}: the walk that finds paths matching a glob;
 *       {@link dev.smokegate.smoke.assertion.FileProbe}: what is wrong with a path before it is read.
 *   <li>{@link dev.smokegate.smoke.assertion.Texts}: the wording shared by the checks' messages.
 * </ul>
 *
 * <p>Plain Java: nothing here imports Maven. Logs are read as streams, never whole, so a step that
 * printed a gigabyte is checked in a few megabytes of memory; only a golden file comparison holds
 * its two texts whole, and refuses one over 16 MiB.
 */
package dev.smokegate.smoke.assertion;
