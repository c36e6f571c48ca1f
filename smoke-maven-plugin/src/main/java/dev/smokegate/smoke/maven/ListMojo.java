package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.ScenarioListing;
import dev.smokegate.smoke.manifest.ManifestException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Lists the scenarios a gate would run, without running anything: {@code mvn smoke:list}. It reads
 * the same manifest and selection as {@code smoke:verify} ({@code smoke.task}, {@code
 * smoke.scenario}, and what the selected scenarios need) and prints one line per scenario: its
 * name, owners, tags, source, number of steps, needs, and how long it took in the last gate run (from
 * {@code smoke-summary.json} in the work directory; {@code -} when unknown). A task that no scenario
 * owns fails the build, as in {@code smoke:verify}. Nothing is cloned, copied or fingerprinted. Its
 * other parameters are those of {@link AbstractSmokeMojo}.
 *
 * @since 0.3.0
 */
@Mojo(name = "list", threadSafe = true)
public final class ListMojo extends AbstractSmokeMojo {

    /** The forms of the list. */
    public enum Format {
        /** A table, on Maven's log at info level. */
        text,
        /** A JSON document on standard output, alone, so that {@code mvn -q} output can be piped. */
        json
    }

    /**
     * {@code text} prints a table on the log; {@code json} prints a JSON document on standard output
     * instead ({@code {"format": 1, "manifest", "scenarios": [{"name", "owners", "tags", "source":
     * {"kind", "location", "ref"}, "steps", "needs", "lastDurationMs"}]}}), which {@code mvn -q} leaves
     * alone on the output. Any other value is rejected.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.list.format", defaultValue = "text")
    private Format format;

    /** Decrypts the passwords of settings.xml's {@code <servers>}, as Maven does. */
    private final SettingsDecrypter settingsDecrypter;

    /** @param settingsDecrypter Maven's decrypter of settings.xml passwords */
    @Inject
    public ListMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip()) {
            getLog().info("Skipping the smoke list: smoke.skip is true (-Dsmoke.skip).");
            return;
        }
        ScenarioListing listing;
        try {
            listing = ScenarioListing.of(request(settingsDecrypter), new MavenSmokeLog(getLog()));
        } catch (ManifestException | GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (format == Format.json) {
            System.out.println(listing.json());
        } else {
            listing.text().forEach(getLog()::info);
        }
    }
}
