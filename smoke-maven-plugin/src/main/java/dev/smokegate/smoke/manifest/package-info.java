/**
 * Reads the smoke manifest (format 1, TOML 1.0 through tomlj) into the {@code model} records, and
 * rejects it with every problem at once, each at its {@code file:line:col}.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.manifest.ManifestLoader}: the entry point; the top level,
 *       {@code [defaults]}, {@code [[scenario]]} and its {@code source}.
 *   <li>{@link dev.smokegate.smoke.manifest.StepReader}: the rules of one {@code [[scenario.step]]}:
 *       its action and its {@code expect} table.
 *   <li>{@link dev.smokegate.smoke.manifest.Names}: scenario and step names, well-formed and unique.
 *   <li>{@link dev.smokegate.smoke.manifest.TomlReader}: typed reads of tomlj values that turn a
 *       wrong type into a problem and go on.
 *   <li>{@link dev.smokegate.smoke.manifest.Placeholders}: the {@code ${…}} placeholders of manifest
 *       strings, checked at load and resolved at run time.
 *   <li>{@link dev.smokegate.smoke.manifest.ExpectationPlaceholders}: resolves the placeholders
 *       inside a step's expectations (texts, paths, JSON values) when the step runs.
 *   <li>{@link dev.smokegate.smoke.manifest.ManifestProblem}: one problem and where it is.
 *   <li>{@link dev.smokegate.smoke.manifest.ManifestException}: the manifest is missing, unreadable
 *       or has problems; carries them all.
 * </ul>
 *
 * <p>Plain Java: nothing here imports Maven; the front end's words for its settings come in as a
 * {@link dev.smokegate.smoke.model.FrontEnd}.
 */
package dev.smokegate.smoke.manifest;
