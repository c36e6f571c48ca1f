package dev.smokegate.smoke.init;

import dev.smokegate.smoke.engine.GateRequest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link ManifestInit} needs.
 *
 * @param manifest where the manifest goes, such as {@code src/smoke/manifest.toml}; must not exist
 * @param scenario the scenario's name stem, such as the project's artifact ID; folded to a manifest
 *     name ({@code [a-z0-9][a-z0-9._-]*}) by {@link ManifestDraft#scenarioName}
 * @param installCommand the step that builds and installs, as a shell runs it, such as {@code mvn -B
 *     install -DskipTests}
 * @param testCommand the step that runs the tests, such as {@code mvn -B test}
 * @param verifyCommand how the user runs the gate, named in the manifest's header, such as {@code mvn
 *     smoke:verify}
 * @param sample the gate request of the sample run: its manifest is {@link ManifestInit#draftFile}
 *     of its work directory, its base directory the project
 */
public record InitRequest(
        Path manifest,
        String scenario,
        String installCommand,
        String testCommand,
        String verifyCommand,
        GateRequest sample) {
    /** @throws NullPointerException when a component is {@code null} */
    public InitRequest {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(installCommand, "installCommand");
        Objects.requireNonNull(testCommand, "testCommand");
        Objects.requireNonNull(verifyCommand, "verifyCommand");
        Objects.requireNonNull(sample, "sample");
    }
}
