/**
 * Reads the smoke manifest (format 1, TOML 1.0 through tomlj) into the {@code model} records, and
 * rejects it with every problem at once, each at its {@code file:line:col}.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.manifest.ManifestLoader}: the entry point; the top level,
 *       {@code [defaults]}, {@code [[scenario]]} and its {@code source}.
 *   <li>{@link dev.smokegate.smoke.manifest.RequiresReader}: a scenario's {@code requires} table:
 *       commands and version floors, endpoints, environment variables, a Java version range, OS
 *       families and free disk.
 *   <li>{@link dev.smokegate.smoke.manifest.NeedsReader}: a scenario's {@code needs}: known
 *       scenario names, no cycles, and {@code ${smoke.export.NAME}} only where NAME is needed.
 *   <li>{@link dev.smokegate.smoke.manifest.StepReader}: the rules of one {@code [[scenario.step]]}:
 *       its keys, exactly one action, and the {@code run}, {@code args}, {@code patch} and {@code
 *       export} actions, and {@code blame}.
 *   <li>{@link dev.smokegate.smoke.manifest.ClassifyReader}: the manifest's own classification
 *       rules, {@code [[classify]]}: id, category, regex and reason.
 *   <li>{@link dev.smokegate.smoke.manifest.RetiredReader}: the {@code [retired]} table: scenario
 *       names removed on purpose, each with its reason.
 *   <li>{@link dev.smokegate.smoke.manifest.ScenarioNames}: only the scenario names of a manifest
 *       text, by the same rules, for the ratchet's look at old versions from git history.
 *   <li>{@link dev.smokegate.smoke.manifest.ServiceReader}: the {@code service} action (name,
 *       command, readiness probe, stop timeout) and the {@code stop} action.
 *   <li>{@link dev.smokegate.smoke.manifest.ProbeReader}: the {@code http} and {@code tcp} probe
 *       actions.
 *   <li>{@link dev.smokegate.smoke.manifest.ExpectReader}: a step's {@code expect} table, and which
 *       of its checks apply to which kind of step.
 *   <li>{@link dev.smokegate.smoke.manifest.GoldenPaths}: the path of a golden file ({@code
 *       equals-file}): relative to the manifest's folder, inside it, and existing unless the gate runs
 *       in update mode.
 *   <li>{@link dev.smokegate.smoke.manifest.StepKind}: the kinds of step, as messages name them.
 *   <li>{@link dev.smokegate.smoke.manifest.ValueChecks}: checks of single values that several
 *       readers share: regexes, globs, workspace paths, URLs, {@code host:port}, header names and
 *       HTTP status codes.
 *   <li>{@link dev.smokegate.smoke.manifest.Names}: scenario, step and service names, well-formed
 *       and unique.
 *   <li>{@link dev.smokegate.smoke.manifest.TomlReader}: typed reads of tomlj values that turn a
 *       wrong type into a problem and go on.
 *   <li>{@link dev.smokegate.smoke.manifest.Placeholders}: the {@code ${…}} placeholders of manifest
 *       strings, checked at load and resolved at run time, with {@code ${port.NAME}} and {@code
 *       ${smoke.export.NAME}} answered by the engine.
 *   <li>{@link dev.smokegate.smoke.manifest.ExpectationPlaceholders}: resolves the placeholders
 *       inside a step's expectations (texts, paths, JSON values) when the step runs.
 *   <li>{@link dev.smokegate.smoke.manifest.ManifestText}: the file's text as UTF-8; a file that is
 *       not UTF-8 is a problem at its first bad byte (line, column and byte offset); a UTF-8 byte
 *       order mark is dropped.
 *   <li>{@link dev.smokegate.smoke.manifest.TomlText}: parses the text with tomlj; nesting too
 *       deep for its parser is a problem at the place it goes deep, not a stack overflow.
 *   <li>{@link dev.smokegate.smoke.manifest.PathText}: what makes a string unusable as a path (a
 *       NUL, more than PATH_MAX or NAME_MAX bytes), checked before it becomes a {@code Path}.
 *   <li>{@link dev.smokegate.smoke.manifest.ThroughLink}: the first symlink on the way from a folder
 *       to a file below it.
 *   <li>{@link dev.smokegate.smoke.manifest.ManifestProblem}: one problem and where it is, its
 *       control characters written <code>&#92;uXXXX</code>.
 *   <li>{@link dev.smokegate.smoke.manifest.SecretEnvReader}: reads {@code secret-env}, the names of
 *       the variables whose values every output masks.
 *   <li>{@link dev.smokegate.smoke.manifest.ManifestException}: the manifest is missing, unreadable
 *       or has problems; carries them all.
 * </ul>
 *
 * <p>Plain Java: nothing here imports Maven; the front end's words for its settings come in as a
 * {@link dev.smokegate.smoke.model.FrontEnd}.
 */
package dev.smokegate.smoke.manifest;
