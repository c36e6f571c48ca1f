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
 * </ul>
 */
package dev.smokegate.smoke.report;
