package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.manifest.ManifestProblem;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.report.ConsoleReport;
import dev.smokegate.smoke.report.GithubActions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The gate's output for a GitHub Actions runner, when the request's environment has {@code
 * GITHUB_ACTIONS=true}: annotations for a rejected manifest, and after a run the annotations for
 * failures and skips and the step summary (see {@link GithubActions}). Without that variable it
 * writes nothing.
 */
final class GithubRun {
    private GithubRun() {}

    /**
     * Writes an {@code ::error} line for each problem of a rejected manifest at its {@code
     * file:line:col}, or one for the file when it could not be read at all.
     *
     * @param request the gate's request
     * @param out the build's standard output
     * @param redaction the run's redaction, applied to every line
     * @param rejected why the manifest was rejected
     */
    static void manifestRejected(
            GateRequest request, PrintStream out, Redaction redaction, ManifestException rejected) {
        Optional<GithubActions> github = GithubActions.of(request.environment(), request.basedir(), out, redaction);
        if (github.isEmpty()) {
            return;
        }
        if (rejected.problems().isEmpty()) {
            github.get().manifestUnreadable(request.manifest(), rejected.getMessage());
        }
        for (ManifestProblem problem : rejected.problems()) {
            github.get().manifestProblem(problem.location(), problem.message());
        }
    }

    /**
     * Writes the annotations of failed and skipped scenarios, then appends the step summary; a step
     * summary that cannot be written is a warning, never a failure of the gate.
     *
     * @param request the gate's request
     * @param out the build's standard output
     * @param redaction the run's redaction, applied to every line and the summary
     * @param result the gate's result
     * @param manifest the manifest it ran
     * @param log where the warning goes
     */
    static void gateEnded(
            GateRequest request,
            PrintStream out,
            Redaction redaction,
            GateResult result,
            Manifest manifest,
            SmokeLog log) {
        Optional<GithubActions> github = GithubActions.of(request.environment(), request.basedir(), out, redaction);
        if (github.isEmpty()) {
            return;
        }
        github.get().annotate(result, manifest);
        try {
            github.get()
                    .appendSummary(result, request.display(request.manifest()))
                    .ifPresent(file ->
                            log.debug(ConsoleReport.PREFIX + "step summary appended to " + request.display(file)));
        } catch (IOException e) {
            Path file = Path.of(request.environment().get(GithubActions.STEP_SUMMARY_VARIABLE));
            log.warn(ConsoleReport.PREFIX + "the step summary "
                    + request.display(request.basedir().resolve(file))
                    + " cannot be appended to: " + e + ". Check that " + GithubActions.STEP_SUMMARY_VARIABLE
                    + " names a writable file; the gate's result is not changed by this.");
        }
    }
}
