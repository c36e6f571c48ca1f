/**
 * Orchestration only: runs a gate from a {@link dev.smokegate.smoke.engine.GateRequest} and returns
 * its result. Plain Java: nothing here imports Maven; the words of messages that name a setting come
 * from the request's {@link dev.smokegate.smoke.model.FrontEnd}.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.engine.SmokeEngine}: runs a gate: loads the manifest, selects,
 *       runs each scenario, checks the checkouts, writes the reports, prints the summary last.
 *   <li>{@link dev.smokegate.smoke.engine.Doctor}: checks that this host can run the selected
 *       scenarios (tools, folders, repositories, {@code requires}) without running them.
 *   <li>{@link dev.smokegate.smoke.engine.GateRequest}: the gate's parameters, built with a builder.
 *   <li>{@link dev.smokegate.smoke.engine.GateConfigurationException}: the gate cannot run as
 *       configured.
 *   <li>{@link dev.smokegate.smoke.engine.Selection}: chooses the scenarios by owner task and name glob.
 *   <li>{@link dev.smokegate.smoke.engine.NeedsGraph}: the {@code needs} between scenarios: what a
 *       selection also selects, the groups that stay together, the skip of a scenario whose need did
 *       not pass, the values of {@code ${smoke.export.NAME}}.
 *   <li>{@link dev.smokegate.smoke.engine.NeedsSchedule}: which scenario may start next under
 *       their {@code needs}, for the pool.
 *   <li>{@link dev.smokegate.smoke.engine.ScenarioListing}: what a gate would run, without running
 *       it ({@code smoke:list}).
 *   <li>{@link dev.smokegate.smoke.engine.ManifestRatchet}: before anything runs, fails the gate
 *       when a scenario name of the manifest's git history is gone without being retired.
 *   <li>{@link dev.smokegate.smoke.engine.ShardSelection}: keeps the one shard ({@code K/N}) of the
 *       selected scenarios that a run asks for; {@link dev.smokegate.smoke.engine.ShardPlan}: splits
 *       units of scenarios into N disjoint shards, by recorded durations or a stable hash.
 *   <li>{@link dev.smokegate.smoke.engine.ShardMerge}: checks the reports of a gate's N shards and
 *       combines them into the whole gate's reports ({@code smoke:merge}).
 *   <li>{@link dev.smokegate.smoke.engine.HostPreflight}: checks the selected scenarios' {@code
 *       requires} once, up front, and skips each scenario with an unmet one.
 *   <li>{@link dev.smokegate.smoke.engine.GateContext}: what every part of one gate run shares.
 *   <li>{@link dev.smokegate.smoke.engine.ShutdownWatch}: the shutdown hook, registered while a gate
 *       runs, that interrupts its scenarios and waits for its reports;
 *       {@link dev.smokegate.smoke.engine.InterruptedResults}: the results of the scenarios it
 *       interrupted.
 *   <li>{@link dev.smokegate.smoke.engine.ScenarioPool}: runs the scenarios one after another or
 *       several at once, results in manifest order.
 *   <li>{@link dev.smokegate.smoke.engine.Attempts}: runs a scenario again while it fails on the host
 *       ({@code smoke.retries}), keeping each attempt in its {@code attempt-N} folder.
 *   <li>{@link dev.smokegate.smoke.engine.ScenarioRunner}: runs one scenario's steps in order.
 *   <li>{@link dev.smokegate.smoke.engine.ScenarioResources}: owns a scenario run's folder and closes
 *       what the run registered when it ends.
 *   <li>{@link dev.smokegate.smoke.engine.ScenarioContext}: what every step of one scenario run shares.
 *   <li>{@link dev.smokegate.smoke.engine.WorkspacePreparer}: makes a scenario's workspace from a
 *       checkout copy or a clone.
 *   <li>{@link dev.smokegate.smoke.engine.StepContext}: one step about to run, its paths and
 *       expectations resolved.
 *   <li>{@link dev.smokegate.smoke.engine.CommandStep}: runs a {@code run} step's command.
 *   <li>{@link dev.smokegate.smoke.engine.HarnessStep}: runs a {@code patch} or {@code export} step.
 *   <li>{@link dev.smokegate.smoke.engine.ServiceStep}: runs a {@code service} step (start, readiness,
 *       the ready line) and a {@code stop} step (SIGTERM, then SIGKILL; leftovers).
 *   <li>{@link dev.smokegate.smoke.engine.ProbeStep}: runs an {@code http} or {@code tcp} probe step.
 *   <li>{@link dev.smokegate.smoke.engine.StepChecks}: evaluates a step's checks in order.
 *   <li>{@link dev.smokegate.smoke.engine.GoldenUpdates}: the golden files update mode rewrites,
 *       written after the checkouts' second fingerprint.
 *   <li>{@link dev.smokegate.smoke.engine.StepFailures}: builds a step's failure: tail of its log and
 *       classification.
 *   <li>{@link dev.smokegate.smoke.engine.StepDetails}: what a step run tells the reports (exit
 *       code, checks, logs), gathered while it runs.
 *   <li>{@link dev.smokegate.smoke.engine.EvidenceLines}: the line of a failure's evidence in its
 *       log, for the JSON summary.
 *   <li>{@link dev.smokegate.smoke.engine.WorkDirectory}: creates the work directory before any
 *       scenario runs, or stops the gate naming the setting.
 *   <li>{@link dev.smokegate.smoke.engine.ProgressLines}: the live progress lines: a step starts, a
 *       step is still running.
 *   <li>{@link dev.smokegate.smoke.engine.SerialLog}: writes one line at a time, so lines of
 *       parallel scenarios never interleave.
 *   <li>{@link dev.smokegate.smoke.engine.RedactingLog}: passes every line through the run's
 *       redaction; {@link dev.smokegate.smoke.engine.Secrets}: gathers the run's secret values into it.
 *   <li>{@link dev.smokegate.smoke.engine.Confinement}: keeps manifest paths inside the workspace.
 *   <li>{@link dev.smokegate.smoke.engine.Exporter}: copies the files of an {@code export.files} step.
 *   <li>{@link dev.smokegate.smoke.engine.GithubRun}: on a GitHub Actions runner, the annotations of
 *       a rejected manifest, of failures and skips, and the step summary.
 * </ul>
 */
package dev.smokegate.smoke.engine;
