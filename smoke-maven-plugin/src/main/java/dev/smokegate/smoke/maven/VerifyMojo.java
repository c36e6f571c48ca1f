package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs the smoke scenarios of a TOML manifest against real git repositories and fails the build
 * when any expected output is missing. Bound to {@code verify}; also runs as {@code mvn
 * smoke:verify}. Its parameters are listed below, or by {@code mvn smoke:help -Ddetail}. A scenario
 * the host cannot run ({@code requires}) is skipped; a skip fails the build unless {@code
 * smoke.failOnSkip} is false, which still warns once per skipped scenario.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractSmokeMojo {

    /** Decrypts the passwords of settings.xml's {@code <servers>}, as Maven does. */
    private final SettingsDecrypter settingsDecrypter;

    /**
     * Runs only shard K of N of the selected scenarios, written {@code K/N} with whole numbers 1 ≤ K ≤
     * N (e.g. {@code 2/3}), so N CI jobs share the gate; {@code smoke:merge} combines their reports.
     * Every selected scenario lands in exactly one shard, and the split is the same on every runner
     * given the same manifest, selection and durations: balanced by the durations of {@code timings},
     * else by a stable hash of the names. A shard may be empty; it then passes. Unset: every selected
     * scenario runs.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.shard")
    private String shard;

    /**
     * The recorded durations that balance the shards: a {@code smoke-summary.json} (e.g. a merged
     * one, committed) or a JSON object of scenario name to seconds ({@code {"greeter-loop": 12.5}}).
     * A scenario without one counts as the median of the others. Unset: the previous run's {@code
     * smoke-summary.json} in the work directory, when there is one; without durations the shards are
     * split by a stable hash. A file that is set but missing or unreadable fails the build.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.timings")
    private File timings;

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
            request = request(settingsDecrypter).toBuilder()
                    .shard(ShardParameters.shard(shard))
                    .timings(timings == null ? null : timings.toPath())
                    .build();
            result = new SmokeEngine(new MavenSmokeLog(getLog())).run(request);
        } catch (ManifestException | GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        List<ScenarioResult> skipped = result.scenarios().stream()
                .filter(scenario -> scenario.status() == Status.SKIP)
                .toList();
        if (!result.passed()) {
            throw new MojoFailureException(
                    SmokeEngine.failureMessage(request, result) + skipSentence(skipped, result.failOnSkip()));
        }
        for (ScenarioResult scenario : skipped) {
            getLog().warn("Smoke scenario " + scenario.name() + " was skipped, not passed: " + reason(scenario)
                    + ". The build goes on because -D" + RunParameters.FAIL_ON_SKIP + "=false.");
        }
    }

    /**
     * The part of the failure message about skips: which scenarios skipped and why, and what to do;
     * empty when none skipped or skips do not fail the gate.
     */
    private static String skipSentence(List<ScenarioResult> skipped, boolean failOnSkip) {
        if (skipped.isEmpty() || !failOnSkip) {
            return "";
        }
        return " Skipped, which fails the gate: "
                + skipped.stream()
                        .map(scenario -> scenario.name() + " (" + reason(scenario) + ")")
                        .collect(Collectors.joining("; "))
                + ". Give this host what they require, or set -D" + RunParameters.FAIL_ON_SKIP
                + "=false to let a local run through.";
    }

    /** @return a skip's rule and evidence, e.g. {@code host.requires.env API_TOKEN — not set} */
    private static String reason(ScenarioResult skipped) {
        return skipped.skip().rule() + " " + skipped.skip().evidence();
    }
}
