package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.Selection;
import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Status;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
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
     * Where clones of {@code ssh://} (and scp-like {@code user@host:path}) URLs read their private
     * keys ({@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa}, …), {@code known_hosts} and
     * {@code config}, as OpenSSH reads {@code ~/.ssh}. Unset means {@code ~/.ssh}. The gate never
     * prompts: the server's host key must already be in {@code known_hosts} and the key must not
     * need a passphrase. A CI stage can point this at a folder holding a deploy key.
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

    /** Decrypts the passwords of settings.xml's {@code <servers>}, as Maven does. */
    @Component
    private SettingsDecrypter settingsDecrypter;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the smoke gate: smoke.skip is true (-Dsmoke.skip).");
            return;
        }
        if (ref != null && !ref.isBlank() && (repoUrl == null || repoUrl.isBlank())) {
            throw new MojoExecutionException(
                    "-Dsmoke.ref=" + ref + " is set without -Dsmoke.repoUrl. Set -Dsmoke.repoUrl"
                            + " to the repository to clone, or give the ref in the manifest as source.ref.");
        }
        GateRequest request = new GateRequest(
                manifest.toPath(),
                project.getBasedir().toPath(),
                workDirectory.toPath(),
                cacheDirectory.toPath(),
                sshDirectory == null ? null : sshDirectory.toPath(),
                SettingsServers.of(session.getSettings(), settingsDecrypter, getLog()),
                Selection.split(task),
                Selection.split(scenarios),
                blankToNull(repoUrl),
                blankToNull(ref),
                session.isOffline(),
                PlaceholderValues.of(project, session),
                System.getenv());
        GateResult result;
        try {
            result = new SmokeEngine(new MavenSmokeLog(getLog())).run(request);
        } catch (ManifestException | GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (!result.passed()) {
            throw new MojoFailureException("Smoke gate failed: " + result.count(Status.FAIL) + " of "
                    + result.scenarios().size() + " scenario(s) failed"
                    + (result.checkoutChanges().isEmpty() ? "" : " and the gate changed a checkout")
                    + ". Read the [smoke] FAIL lines above, the step logs under "
                    + request.display(request.workDirectory())
                    + " and " + request.display(request.workDirectory().resolve(SmokeEngine.JUNIT_REPORT)) + ".");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
