package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.Doctor;
import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.model.Redaction;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Checks that this host can run the gate, without running a scenario: {@code mvn smoke:doctor}. It
 * reads the same manifest and selection as {@code smoke:verify} ({@code smoke.task}, {@code
 * smoke.scenario}) and prints one {@code PASS|WARN|FAIL <check> — <detail>} line per check: the
 * Java, Maven and git versions, the work directory and the clone cache (writable, free disk), each
 * clone's repository (reachable, or its commit already cached), and every {@code requires} of the
 * selected scenarios; then {@code Doctor: N passed, N warnings, N failed}. Only a FAIL fails the
 * build. Its other parameters are those of {@link AbstractSmokeMojo}.
 *
 * <p>It needs a project, as {@code smoke:verify} does: the manifest, the work directory and the
 * cache are the project's. It is bound to no phase; run it by hand or as a first CI step.
 *
 * @since 0.3.0
 */
@Mojo(name = "doctor", threadSafe = true)
public final class DoctorMojo extends AbstractSmokeMojo {

    /** The forms of the doctor's report. */
    public enum Format {
        /** The lines on the console only. */
        text,
        /** The lines on the console, and the same rows in {@code <workDirectory>/doctor.json}. */
        json
    }

    /**
     * {@code text} prints the checks; {@code json} also writes them to {@code doctor.json} in the work
     * directory ({@code {"format": 1, "checks": [{"check", "verdict", "rule", "detail"}], "summary":
     * {"passed", "warnings", "failed"}}}). Any other value is rejected.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.doctor.format", defaultValue = "text")
    private Format format;

    /** Decrypts the passwords of settings.xml's {@code <servers>}, as Maven does. */
    private final SettingsDecrypter settingsDecrypter;

    /** Tells the Maven version this build runs on. */
    private final RuntimeInformation runtime;

    /**
     * @param settingsDecrypter Maven's decrypter of settings.xml passwords
     * @param runtime Maven's runtime information, for its version
     */
    @Inject
    public DoctorMojo(SettingsDecrypter settingsDecrypter, RuntimeInformation runtime) {
        this.settingsDecrypter = settingsDecrypter;
        this.runtime = runtime;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip()) {
            getLog().info("Skipping the smoke doctor: smoke.skip is true (-Dsmoke.skip).");
            return;
        }
        String mavenHome = System.getProperty("maven.home");
        String maven = runtime.getMavenVersion() + (mavenHome == null ? "" : " in " + mavenHome);
        GateRequest request;
        Doctor.Result result;
        try {
            request = request(settingsDecrypter);
            result = new Doctor(new MavenSmokeLog(getLog())).run(request, maven, format == Format.json);
        } catch (ManifestException | GateConfigurationException e) {
            throw new MojoExecutionException(
                    Redaction.redact(e.getMessage()), Redaction.standard().apply(e));
        }
        if (result.failed()) {
            throw new MojoFailureException(Redaction.redact(Doctor.failureMessage(request, result)));
        }
    }
}
