/**
 * What a user and a CI server read of a gate's result. Plain Java: nothing here imports Maven.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.report.ConsoleReport}: the {@code [smoke] PASS|FAIL|SKIP} lines,
 *       a failure's details and the summary line, written to the log.
 *   <li>{@link dev.smokegate.smoke.report.JUnitReport}: the result as JUnit XML in surefire's shape
 *       ({@code TEST-smoke.xml}).
 *   <li>{@link dev.smokegate.smoke.report.DoctorReport}: the doctor's {@code PASS|WARN|FAIL} lines,
 *       its summary, its failure message and {@code doctor.json}.
 *   <li>{@link dev.smokegate.smoke.report.SummaryJson}: the result as JSON for CI scripts ({@code
 *       smoke-summary.json}, format 1), merged with the earlier file on a selection run; {@link
 *       dev.smokegate.smoke.report.GateParameters}: the run's parameters it records.
 *   <li>{@link dev.smokegate.smoke.report.GateView}: the last run as the HTML reports show it, read
 *       from {@code smoke-summary.json}; {@link dev.smokegate.smoke.report.Timeline}: its scenarios'
 *       bars and step segments; {@link dev.smokegate.smoke.report.HtmlReport}: the standalone {@code
 *       index.html} (StAX, inline CSS, no script).
 * </ul>
 */
package dev.smokegate.smoke.report;
