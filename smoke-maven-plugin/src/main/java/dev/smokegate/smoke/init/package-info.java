/**
 * A first manifest for a project, drafted from a run of its own build ({@code smoke:init}).
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.init.ManifestInit}: runs the project's build once through the
 *       engine, on a copy of its checkout, and writes the manifest; never overwrites one.
 *   <li>{@link dev.smokegate.smoke.init.InitRequest}: where the manifest goes, the build's commands
 *       and the gate request of the sample run.
 *   <li>{@link dev.smokegate.smoke.init.ManifestDraft}: the manifest's text, from the lines the build
 *       printed: one checkout scenario with {@code install} and {@code test} steps, a commented
 *       clone scenario and a comment on the loop's other steps.
 *   <li>{@link dev.smokegate.smoke.init.InitException}: why no manifest was written.
 * </ul>
 *
 * <p>Plain Java: nothing here imports Maven; the build's commands and the front end's words come in
 * the request.
 */
package dev.smokegate.smoke.init;
