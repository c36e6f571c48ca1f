package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.NeedsGraph;
import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Redaction;
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

    /**
     * Checks the manifest against its git history before anything runs: a scenario name that any
     * committed version of the manifest held must still be in it or be listed, with a reason, under
     * its {@code [retired]} table, else the build fails and names the missing scenarios (renaming a
     * scenario counts as removing it). Passes, saying so, when the manifest is not in a git work tree or
     * was never committed. Set it to {@code false} only to bootstrap a manifest whose history predates
     * the ratchet.
     *
     * @since 0.3.0
     */
    @Parameter(property = "smoke.ratchet", defaultValue = "true")
    private boolean ratchet;

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
        // GitHub Actions reads its workflow commands only at the start of a line: bare, not logged.
        SmokeEngine engine = new SmokeEngine(new MavenSmokeLog(getLog()), System.out);
        Redaction redaction;
        try {
            request = request(settingsDecrypter).toBuilder()
                    .ratchet(ratchet)
                    .shard(ShardParameters.shard(shard))
                    .timings(timings == null ? null : timings.toPath())
                    .build();
            result = engine.run(request);
        } catch (ManifestException | GateConfigurationException e) {
            redaction = engine.redaction();
            throw new MojoExecutionException(redaction.apply(e.getMessage()), redaction.apply(e));
        }
        redaction = engine.redaction();
        List<ScenarioResult> skipped = result.scenarios().stream()
                .filter(scenario -> scenario.status() == Status.SKIP)
                .toList();
        if (!result.passed()) {
            throw new MojoFailureException(redaction.apply(
                    SmokeEngine.failureMessage(request, result) + skipSentence(skipped, result.failOnSkip())));
        }
        for (ScenarioResult scenario : skipped) {
            getLog().warn(redaction.apply("Smoke scenario " + scenario.name() + " was skipped, not passed: "
                    + reason(scenario) + ". The build goes on because -D" + RunParameters.FAIL_ON_SKIP + "=false."));
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
                + ". "
                + (skipped.stream().anyMatch(VerifyMojo::dependencySkip)
                        ? "Fix the scenarios they need (their FAIL lines above) or give this host what they"
                                + " require"
                        : "Give this host what they require")
                + ", or set -D" + RunParameters.FAIL_ON_SKIP
                + "=false to let a local run through.";
    }

    /** @return whether the scenario was skipped because a scenario it needs did not pass */
    private static boolean dependencySkip(ScenarioResult skipped) {
        return skipped.skip().rule().endsWith("." + NeedsGraph.DEPENDENCY);
    }

    /** @return a skip's rule and evidence, e.g. {@code host.requires.env API_TOKEN — not set} */
    private static String reason(ScenarioResult skipped) {
        return skipped.skip().rule() + " " + skipped.skip().evidence();
    }
}
