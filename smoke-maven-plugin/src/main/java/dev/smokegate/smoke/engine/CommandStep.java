package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.assertion.CheckResult;
import dev.smokegate.smoke.assertion.Checks;
import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.process.CommandSpec;
import dev.smokegate.smoke.process.ProcessOutcome;
import dev.smokegate.smoke.process.ProcessRunner;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a {@code run} step: its command in the step's folder with the merged environment (manifest
 * defaults, then the scenario's, then the step's), until it exits or its deadline kills it, and then
 * its checks.
 */
final class CommandStep {
    private final GateRequest request;
    private final Manifest manifest;
    private final SmokeLog log;
    private final ProcessRunner processes;
    private final StepFailures failures;
    private final StepChecks checks;

    /**
     * @param request the gate's request, for the paths shown to the user
     * @param manifest the manifest, for the default environment
     * @param log where the command line is written at debug level
     * @param failures builds the failure of a command that timed out or could not start
     * @param checks evaluates the checks once the command has exited
     */
    CommandStep(GateRequest request, Manifest manifest, SmokeLog log, StepFailures failures, StepChecks checks) {
        this.request = request;
        this.manifest = manifest;
        this.log = log;
        this.processes = new ProcessRunner(log);
        this.failures = failures;
        this.checks = checks;
    }

    /**
     * @param step the step
     * @param run its action
     * @return why it failed, or {@code null} when it passed
     */
    StepFailure run(StepContext step, Action.Run run) {
        Function<String, String> resolve = step.scenario().resolve();
        Map<String, String> env = new LinkedHashMap<>();
        env.putAll(resolved(manifest.defaultEnv(), resolve));
        env.putAll(resolved(step.scenario().scenario().env(), resolve));
        env.putAll(resolved(step.step().env(), resolve));
        CommandSpec spec = run.shell() != null
                ? CommandSpec.shell(resolve.apply(run.shell()), step.cwd(), env)
                : CommandSpec.args(run.args().stream().map(resolve).toList(), step.cwd(), env);
        log.debug("[smoke] " + step.where() + ": " + spec.display() + " (in " + request.display(step.cwd())
                + ", deadline " + step.deadline() + ")");
        ProcessOutcome outcome;
        try {
            outcome = processes.run(spec, step.logs(), step.deadline());
        } catch (UncheckedIOException e) {
            return failures.harness(
                    step.name(),
                    HarnessProblem.IO,
                    "cannot write the logs of " + step.where() + " under "
                            + request.display(step.scenario().folder()) + ": "
                            + e.getCause().getMessage()
                            + ". Check free disk space and permissions.",
                    null);
        }
        if (outcome.timedOut()) {
            String expectation = step.scenarioDeadline()
                    ? "expected the scenario to finish within "
                            + Durations.format(step.scenario().scenario().timeout())
                    : "expected the step to finish within " + Durations.format(step.limit());
            CheckResult killed =
                    new CheckResult(false, expectation, "killed after " + Durations.elapsed(outcome.elapsed()), null);
            return failures.process(step, spec.display(), outcome, killed, false);
        }
        if (outcome.startError() != null) {
            CheckResult notStarted =
                    new CheckResult(false, "expected the command to start", outcome.startError(), null);
            return failures.process(step, spec.display(), outcome, notStarted, true);
        }
        return checks.firstFailure(step, spec.display(), outcome, Checks.of(step.expect(), true));
    }

    private static Map<String, String> resolved(Map<String, String> env, Function<String, String> resolve) {
        return env.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> resolve.apply(e.getValue())));
    }

    @Override
    public String toString() {
        return "CommandStep[" + processes + "]";
    }
}
