package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.Selection;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters of the smoke goals and their translation into a {@link GateRequest}; a goal
 * checks {@link #skip()}, runs the engine with {@link #request} and maps the outcome to Maven's
 * exceptions.
 *
 * @since 0.2.0
 */
abstract class AbstractSmokeMojo extends AbstractMojo {

    /**
     * The manifest of smoke scenarios (TOML, format 1). A missing manifest fails the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "smoke.manifest", defaultValue = "${project.basedir}/src/smoke/manifest.toml")
    private File manifest;

    /**
     * Comma-separated task IDs: runs only the scenarios whose {@code owners} include one of them. An ID
     * that no scenario owns fails the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "smoke.task")
    private String task;

    /**
     * Comma-separated scenario name globs; {@code !glob} excludes. Combined with {@code task} when
     * both are set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "smoke.scenario")
    private String scenarios;

    /**
     * Runs every {@code source.checkout} scenario against a clean clone of this URL instead
     * ({@code file://}, {@code http(s)://} or {@code ssh://}): the {@code --repo-url} startup of a CI
     * stage.
     *
     * @since 0.1.0
     */
    @Parameter(property = "smoke.repoUrl")
    private String repoUrl;

    /**
     * The branch, tag or full commit SHA to clone with {@code repoUrl}; the remote's HEAD when unset.
     *
     * @since 0.1.0
     */
    @Parameter(property = "smoke.ref")
    private String ref;

    /**
     * Where each scenario's workspace, step logs ({@code <scenario>/NN-<step>.log}) and export
     * folder, and the {@code TEST-smoke.xml} report are written. Created before any scenario runs; a
     * folder that cannot be created (a file in its path, a read-only file system) stops the gate.
     *
     * @since 0.1.0
     */
    @Parameter(property = "smoke.workDirectory", defaultValue = "${project.build.directory}/smoke")
    private File workDirectory;

    /**
     * The cache of bare mirrors that clones go through. A pinned commit already cached costs no
     * network; under {@code mvn -o} only the cache is used.
     *
     * @since 0.1.0
     */
    @Parameter(property = "smoke.cacheDirectory", defaultValue = "${settings.localRepository}/../smoke-cache")
    private File cacheDirectory;

    /**
     * Where {@code ssh://} clones read their private keys, {@code known_hosts} and {@code config};
     * {@code ~/.ssh} when unset. The gate never prompts (see the usage page).
     *
     * @since 0.1.0
     */
    @Parameter(property = "smoke.sshDirectory")
    private File sshDirectory;

    /**
     * How many scenarios run at once, as Maven's {@code -T}: a number such as {@code 4}, or a
     * multiple of the available processors such as {@code 1C} or {@code 0.5C} (at least 1). Above
     * 1, the {@code [smoke] PASS/FAIL/SKIP} lines come together, in manifest order, once every
     * scenario has finished.
     *
     * @since 0.2.0
     */
    @Parameter(property = RunParameters.THREADS, defaultValue = "1")
    private String threads;

    /**
     * How often a step that is still running prints a line with its last output: a duration such as
     * {@code 30s} or {@code 1m}; {@code 0} turns it off. Like every progress line, it is hidden by
     * {@code -q}.
     *
     * @since 0.2.0
     */
    @Parameter(property = RunParameters.HEARTBEAT, defaultValue = "30s")
    private String heartbeat;

    /**
     * Whether a skipped scenario fails the build. A scenario is skipped, loudly, when the host lacks
     * what its {@code requires} names (a command, an endpoint, an environment variable, …). {@code
     * false} lets a local run through, with one warning per skipped scenario; a skip is never a pass.
     *
     * @since 0.3.0
     */
    @Parameter(property = RunParameters.FAIL_ON_SKIP, defaultValue = "true")
    private boolean failOnSkip;

    /**
     * How long one host check may take (a {@code requires} endpoint or command, a {@code smoke:doctor}
     * row) before it counts as failed: a duration such as {@code 5s} or {@code 500ms}.
     *
     * @since 0.3.0
     */
    @Parameter(property = RunParameters.PROBE_TIMEOUT, defaultValue = "5s")
    private String probeTimeout;

    /**
     * How many times a scenario whose failure is classified host (network, disk, a killed process) is
     * run again, each time from a fresh workspace. Source and runtime failures are never retried: a
     * flaky product is a product bug. Every attempt is kept under {@code <scenario>/attempt-N}.
     *
     * @since 0.3.0
     */
    @Parameter(property = RunParameters.RETRIES, defaultValue = "0")
    private int retries;

    /**
     * Update mode: rewrites each golden file ({@code equals-file}) that did not match from the actual
     * output, keeping its {@code [..]} and {@code ...} lines that still match, and creates a golden
     * file that does not exist yet. Golden files that matched are not touched. A run that rewrote any
     * fails, saying which: review the diff, then run again without this flag.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.update", defaultValue = "false")
    private boolean update;

    /**
     * Skips the gate, saying so in the log.
     *
     * @since 0.1.0
     */
    @Parameter(property = "smoke.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** @return whether {@code skip} is set */
    boolean skip() {
        return skip;
    }

    /**
     * @param settingsDecrypter Maven's decrypter of settings.xml passwords
     * @return the gate's request, built from the parameters, the project and the session
     * @throws GateConfigurationException when {@code threads}, {@code heartbeat}, {@code probeTimeout} or
     *     {@code retries} is malformed
     */
    GateRequest request(SettingsDecrypter settingsDecrypter) throws GateConfigurationException {
        return GateRequest.builder(manifest.toPath(), MavenFrontEnd.INSTANCE)
                .basedir(project.getBasedir().toPath())
                .workDirectory(workDirectory.toPath())
                .cacheDirectory(cacheDirectory.toPath())
                .sshDirectory(sshDirectory == null ? null : sshDirectory.toPath())
                .servers(SettingsServers.of(session.getSettings(), settingsDecrypter))
                .tasks(Selection.split(task))
                .scenarioGlobs(Selection.split(scenarios))
                .repoUrl(repoUrl)
                .ref(ref)
                .offline(session.isOffline())
                .properties(PlaceholderValues.of(project, session))
                .environment(System.getenv())
                .threads(RunParameters.threads(threads, Runtime.getRuntime().availableProcessors()))
                .heartbeat(RunParameters.heartbeat(heartbeat))
                .failOnSkip(failOnSkip)
                .probeTimeout(RunParameters.probeTimeout(probeTimeout))
                .retries(RunParameters.retries(retries))
                .update(update)
                .build();
    }
}
