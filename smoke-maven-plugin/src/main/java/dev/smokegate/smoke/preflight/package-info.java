/**
 * Checks what scenarios require of the host ({@code requires.*} in the manifest) before any
 * workspace is prepared, so that a scenario this machine cannot run is skipped, classified host,
 * instead of failing as if the software were broken. Uses only the JDK ({@link java.net.Socket},
 * {@link java.net.http.HttpClient}, {@link java.lang.ProcessBuilder}), Maven Resolver's version
 * scheme and the model.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.preflight.HostChecks}: the entry point: runs each distinct check
 *       once, in parallel, each bounded by a timeout, and turns an unmet one into a skip.
 *   <li>{@link dev.smokegate.smoke.preflight.Check}: one distinct check, a record, with its rule:
 *       {@link dev.smokegate.smoke.preflight.CommandCheck} (on the {@code PATH}, version from {@code
 *       --version}), {@link dev.smokegate.smoke.preflight.EndpointCheck} (DNS, TCP, any HTTP
 *       response), {@link dev.smokegate.smoke.preflight.EnvCheck} (set and not empty), {@link
 *       dev.smokegate.smoke.preflight.JavaCheck} (a version range), {@link
 *       dev.smokegate.smoke.preflight.OsCheck} (an {@code os.name} family) and {@link
 *       dev.smokegate.smoke.preflight.FreeDiskCheck} (usable space of the work directory).
 *   <li>{@link dev.smokegate.smoke.preflight.Host}: the facts of the host the checks read.
 *   <li>{@link dev.smokegate.smoke.preflight.Versions}: the first version-looking token of an output,
 *       and version comparison.
 *   <li>{@link dev.smokegate.smoke.preflight.Words}: durations and sizes as the checks write them.
 * </ul>
 *
 * <p>Plain Java: nothing here imports Maven. What a check finds is a result, never an exception.
 */
package dev.smokegate.smoke.preflight;
