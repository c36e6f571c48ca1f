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
 *       dev.smokegate.smoke.report.GateParameters}: the run's parameters it records; {@link
 *       dev.smokegate.smoke.report.ShardRecord}: the shard a run was and its plan.
 *   <li>{@link dev.smokegate.smoke.report.GithubActions}: on a GitHub Actions runner, workflow
 *       commands ({@code ::error}, {@code ::warning}) written as bare lines to the build's standard
 *       output, and the Markdown table appended to {@code $GITHUB_STEP_SUMMARY}.
 *   <li>{@link dev.smokegate.smoke.report.RecordedDurations}: the scenarios' durations from a summary
 *       or a timings file, which balance the shards and fill the {@code smoke:list} table.
 *   <li>{@link dev.smokegate.smoke.report.ShardReport}: one shard's reports, read back; {@link
 *       dev.smokegate.smoke.report.MergedReports}: the whole gate's reports written from its shards'.
 *   <li>{@link dev.smokegate.smoke.report.ScenarioTable}: the scenarios a gate would run, as the
 *       {@code smoke:list} table or JSON.
 *   <li>{@link dev.smokegate.smoke.report.ReportRedaction}: applies the run's redaction to the XML
 *       and JSON writers' strings before they are escaped.
 *   <li>{@link dev.smokegate.smoke.report.GateView}: the last run as the HTML reports show it, read
 *       from {@code smoke-summary.json}; {@link dev.smokegate.smoke.report.Timeline}: its scenarios'
 *       bars and step segments; {@link dev.smokegate.smoke.report.HtmlReport}: the standalone {@code
 *       index.html} (StAX, inline CSS, no script).
 * </ul>
 */
package dev.smokegate.smoke.report;
