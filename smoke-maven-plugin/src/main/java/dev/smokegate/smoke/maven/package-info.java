/**
 * The Maven plugin: the only package that imports {@code org.apache.maven}. It translates Maven
 * parameters into a {@link dev.smokegate.smoke.engine.GateRequest}, runs the engine and maps its
 * outcome to Maven's exceptions.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.maven.VerifyMojo}: the {@code verify} goal.
 *   <li>{@link dev.smokegate.smoke.maven.DoctorMojo}: the {@code doctor} goal, which checks the host.
 *   <li>{@link dev.smokegate.smoke.maven.ListMojo}: the {@code list} goal, the scenarios a gate
 *       would run, as a table or JSON.
 *   <li>{@link dev.smokegate.smoke.maven.MergeMojo}: the {@code merge} goal, which combines the
 *       reports of a gate's shards.
 *   <li>{@link dev.smokegate.smoke.maven.ShardParameters}: reads {@code shard} ({@code 2/3}) and the
 *       merge's {@code inputs}.
 *   <li>{@link dev.smokegate.smoke.maven.ReportMojo}: the {@code report} goal, the "Smoke gate" site
 *       page of the last run, rendered by {@link dev.smokegate.smoke.maven.GateSinkRenderer}.
 *   <li>{@link dev.smokegate.smoke.maven.InitMojo}: the {@code init} goal, a first manifest drafted
 *       from a run of the project's build.
 *   <li>{@link dev.smokegate.smoke.maven.AbstractSmokeMojo}: the goals' parameters and the request
 *       built from them.
 *   <li>{@link dev.smokegate.smoke.maven.RunParameters}: reads {@code threads} ({@code 4}, {@code 1C})
 *       and {@code heartbeat} ({@code 30s}, {@code 0}).
 *   <li>{@link dev.smokegate.smoke.maven.MavenFrontEnd}: Maven's words for the engine's messages
 *       ({@code -Dsmoke.x}, {@code -o}, {@code settings.xml}).
 *   <li>{@link dev.smokegate.smoke.maven.MavenSmokeLog}: writes the engine's lines to Maven's log.
 *   <li>{@link dev.smokegate.smoke.maven.PlaceholderValues}: the project and session properties that
 *       manifest placeholders may name.
 *   <li>{@link dev.smokegate.smoke.maven.SettingsServers}: the decrypted {@code <server>} logins of
 *       {@code settings.xml}.
 * </ul>
 */
package dev.smokegate.smoke.maven;
