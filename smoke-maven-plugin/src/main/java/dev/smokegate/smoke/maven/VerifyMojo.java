package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.Selection;
import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.model.GateResult;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs the smoke scenarios of a TOML manifest against real git repositories and fails the build
 * when any expected output is missing. Bound to {@code verify}; also runs as {@code mvn
 * smoke:verify}.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractMojo {

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
     * folder, and the {@code TEST-smoke.xml} report are written.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/smoke")
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

    /** Decrypts the passwords of settings.xml's {@code <servers>}, as Maven does. */
    private final SettingsDecrypter settingsDecrypter;

    /** @param settingsDecrypter Maven's decrypter of settings.xml passwords */
    @Inject
    public VerifyMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the smoke gate: smoke.skip is true (-Dsmoke.skip).");
            return;
        }
        GateRequest request = GateRequest.builder(manifest.toPath(), MavenFrontEnd.INSTANCE)
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
                .build();
        GateResult result;
        try {
            result = new SmokeEngine(new MavenSmokeLog(getLog())).run(request);
        } catch (ManifestException | GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (!result.passed()) {
            throw new MojoFailureException(SmokeEngine.failureMessage(request, result));
        }
    }
}
