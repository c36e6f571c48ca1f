package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.model.GateResult;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs the smoke scenarios of a TOML manifest against real git repositories and fails the build
 * when any expected output is missing. Bound to {@code verify}; also runs as {@code mvn
 * smoke:verify}. Its parameters are listed below, or by {@code mvn smoke:help -Ddetail}.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractSmokeMojo {

    /** Decrypts the passwords of settings.xml's {@code <servers>}, as Maven does. */
    private final SettingsDecrypter settingsDecrypter;

    /** @param settingsDecrypter Maven's decrypter of settings.xml passwords */
    @Inject
    public VerifyMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip()) {
            getLog().info("Skipping the smoke gate: smoke.skip is true (-Dsmoke.skip).");
            return;
        }
        GateRequest request;
        GateResult result;
        try {
            request = request(settingsDecrypter);
            result = new SmokeEngine(new MavenSmokeLog(getLog())).run(request);
        } catch (ManifestException | GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (!result.passed()) {
            throw new MojoFailureException(SmokeEngine.failureMessage(request, result));
        }
    }
}
