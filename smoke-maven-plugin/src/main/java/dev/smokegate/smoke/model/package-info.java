/**
 * The gate's data: immutable records that copy their collections and check their invariants, sealed
 * types where a set is closed, and the few interfaces every package shares. Depends on nothing else
 * of the gate; every other package may depend on it.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.model.Manifest}: a loaded and validated manifest.
 *   <li>{@link dev.smokegate.smoke.model.Scenario}: a named scenario: its source and steps.
 *   <li>{@link dev.smokegate.smoke.model.Source}: where a workspace comes from: a checkout or a clone.
 *   <li>{@link dev.smokegate.smoke.model.UntrackedMode}: whether untracked files are copied from a
 *       checkout.
 *   <li>{@link dev.smokegate.smoke.model.Step}: one step of a scenario.
 *   <li>{@link dev.smokegate.smoke.model.Action}: what a step does: run, patch, export, start a
 *       service, send an HTTP request or a TCP probe, stop a service.
 *   <li>{@link dev.smokegate.smoke.model.Service}: a long-running process of a scenario, owned by
 *       it: its command, readiness and stop timeout.
 *   <li>{@link dev.smokegate.smoke.model.Readiness}: how the gate tells that a service is ready: an
 *       HTTP, TCP or log probe, polled until a timeout.
 *   <li>{@link dev.smokegate.smoke.model.HttpCall}: the one HTTP request of a probe step.
 *   <li>{@link dev.smokegate.smoke.model.HttpResponseHead}: the status and headers a probe step
 *       received, for its checks.
 *   <li>{@link dev.smokegate.smoke.model.Expectations}: what a step must produce.
 *   <li>{@link dev.smokegate.smoke.model.StreamExpectation}: the checks on one output stream.
 *   <li>{@link dev.smokegate.smoke.model.GoldenFile}: a golden file a stream or file must equal.
 *   <li>{@link dev.smokegate.smoke.model.Location}: a {@code file:line:col} position in a manifest.
 *   <li>{@link dev.smokegate.smoke.model.GateResult}: the outcome of one gate run.
 *   <li>{@link dev.smokegate.smoke.model.ScenarioResult}: the outcome of one scenario.
 *   <li>{@link dev.smokegate.smoke.model.Status}: pass, fail or skip.
 *   <li>{@link dev.smokegate.smoke.model.Interruption}: how a scenario running when the gate was
 *       stopped (SIGTERM or Ctrl-C) is recorded and shown.
 *   <li>{@link dev.smokegate.smoke.model.StepRecord}: a step that ran, how long it took, its exit
 *       code, checks and logs; {@link dev.smokegate.smoke.model.CheckRecord}: one of its checks with
 *       its verdict.
 *   <li>{@link dev.smokegate.smoke.model.ScenarioSource}: where a scenario's workspace came from
 *       (checkout or clone, location, ref, commit), for the reports.
 *   <li>{@link dev.smokegate.smoke.model.StepFailure}: why a scenario failed, and where to read more.
 *   <li>{@link dev.smokegate.smoke.model.ServiceTail}: the last lines of a running service's log, added
 *       to a failure (post-mortem).
 *   <li>{@link dev.smokegate.smoke.model.Classification}: the verdict on a failure: category, rule,
 *       evidence.
 *   <li>{@link dev.smokegate.smoke.model.FailureCategory}: source, runtime or host.
 *   <li>{@link dev.smokegate.smoke.model.ServerCredentials}: a login for clones from one host.
 *   <li>{@link dev.smokegate.smoke.model.Durations}: the one formatter and parser of durations.
 *   <li>{@link dev.smokegate.smoke.model.Shard}: one of N disjoint parts of a gate, {@code K/N}.
 *   <li>{@link dev.smokegate.smoke.model.FrontEnd}: the words of the front end that started the gate.
 *   <li>{@link dev.smokegate.smoke.model.SmokeLog}: where the engine writes what a user reads.
 *   <li>{@link dev.smokegate.smoke.model.Redaction}: the one redaction of everything the gate writes:
 *       secret values, URL passwords, {@code Authorization} values.
 * </ul>
 */
package dev.smokegate.smoke.model;
