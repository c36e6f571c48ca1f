package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.assertion.CheckResult;
import dev.smokegate.smoke.assertion.Checks;
import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.process.CommandSpec;
import dev.smokegate.smoke.process.ProcessOutcome;
import dev.smokegate.smoke.process.ProcessRunner;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a {@code run} step: its command in the step's folder with the merged environment (manifest
 * defaults, then the scenario's, then the step's), until it exits or its deadline kills it, and then
 * its checks. While it runs, a heartbeat line every {@link GateRequest#heartbeat()} shows its last
 * line of output.
 */
final class CommandStep {
    private final GateContext gate;
    private final ProcessRunner processes;

    /** @param gate the run's request, manifest (default environment), log, failures and checks */
    CommandStep(GateContext gate) {
        this.gate = gate;
        this.processes = new ProcessRunner(gate.log());
    }

    /**
     * @param step the step
     * @param run its action
     * @return why it failed, or {@code null} when it passed
     */
    StepFailure run(StepContext step, Action.Run run) {
        CommandSpec spec = spec(step, run.shell(), run.args());
        gate.log()
                .debug("[smoke] " + step.where() + ": " + spec.display() + " (in "
                        + gate.request().display(step.cwd()) + ", deadline " + step.deadline() + ")");
        ProcessOutcome outcome;
        try {
            outcome = processes.run(
                    spec, step.logs(), step.deadline(), gate.request().heartbeat(), (elapsed, line) -> gate.log()
                            .info(ProgressLines.heartbeat(step.where(), elapsed, line)));
        } catch (UncheckedIOException e) {
            return logsFailed(gate, step, e.getCause().getMessage());
        }
        step.details().exitCode(outcome.startError() == null ? outcome.exitCode() : null);
        if (outcome.interrupted()) {
            return InterruptedResults.step(
                    step.name(), spec.display(), outcome, step.logs().combined());
        }
        if (outcome.timedOut()) {
            String expectation = step.scenarioDeadline()
                    ? "expected the scenario to finish within "
                            + Durations.format(step.scenario().scenario().timeout())
                    : "expected the step to finish within " + Durations.format(step.limit());
            CheckResult killed =
                    new CheckResult(false, expectation, "killed after " + Durations.elapsed(outcome.elapsed()), null);
            return gate.failures().process(step, spec.display(), outcome, killed, false);
        }
        if (outcome.startError() != null) {
            CheckResult notStarted =
                    new CheckResult(false, "expected the command to start", outcome.startError(), null);
            return gate.failures().process(step, spec.display(), outcome, notStarted, true);
        }
        if (!outcome.leftovers().isEmpty() && !step.expect().noLeftoverProcesses()) {
            gate.log().warn(leftoverWarning(step.where(), outcome.leftovers()));
        }
        return gate.checks()
                .firstFailure(
                        step,
                        spec.display(),
                        outcome,
                        Checks.of(step.expect(), step.step().action()));
    }

    /**
     * The console's word on processes a step left running, which the runner killed: the step does
     * not fail on them unless it says {@code expect.no-leftover-processes = true}, but the user is
     * told, since a step that leaves a process behind is often a bug.
     *
     * @param where the step, as {@code scenario › step}
     * @param leftovers the killed processes, each as {@code pid <n>: <command line>}
     * @return e.g. {@code [smoke] build › start: killed 1 background process still running when the
     *     step ended (pid 4242: sleep 600). Wait for it in the step, or add
     *     expect.no-leftover-processes = true to fail the step on it.}
     */
    static String leftoverWarning(String where, List<String> leftovers) {
        boolean one = leftovers.size() == 1;
        String shown = leftovers.stream().limit(3).collect(Collectors.joining(", "))
                + (leftovers.size() > 3 ? " and " + (leftovers.size() - 3) + " more" : "");
        return "[smoke] " + where + ": killed "
                + (one ? "1 background process" : leftovers.size() + " background processes")
                + " still running when the step ended (" + shown + "). Wait for "
                + (one ? "it" : "them") + " in the step, or add expect.no-leftover-processes = true to fail the"
                + " step on " + (one ? "it" : "them") + ".";
    }

    /**
     * The failure of a step whose logs cannot be written: a host problem ({@code host.io}).
     *
     * @param gate the run's request (paths as shown) and failures
     * @param step the step
     * @param reason why the logs cannot be written
     * @return the failure
     */
    static StepFailure logsFailed(GateContext gate, StepContext step, String reason) {
        return gate.failures()
                .harness(
                        step.name(),
                        HarnessProblem.IO,
                        "cannot write the logs of " + step.where() + " under "
                                + gate.request().display(step.scenario().folder()) + ": " + reason
                                + ". Check free disk space and permissions.",
                        null);
    }

    /**
     * The command of a step ({@code run}) or of the service it starts, with the merged environment:
     * the manifest's defaults, then the scenario's, then the step's, placeholders resolved.
     *
     * @param step the step
     * @param shell a command line for {@code sh -c}, or {@code null}
     * @param args an argument vector, or {@code null} when {@code shell} is set
     * @return the command to run in the step's folder
     */
    CommandSpec spec(StepContext step, String shell, List<String> args) {
        Function<String, String> resolve = step.scenario().resolve();
        Map<String, String> env = new LinkedHashMap<>();
        env.putAll(resolved(gate.manifest().defaultEnv(), resolve));
        env.putAll(resolved(step.scenario().scenario().env(), resolve));
        env.putAll(resolved(step.step().env(), resolve));
        return command(shell, args, resolve, step.cwd(), env).withRedaction(gate.redaction());
    }

    /**
     * The command of a {@code run} step or a service, its placeholders resolved.
     *
     * @param shell a command line for {@code sh -c}, or {@code null}
     * @param args an argument vector, or {@code null} when {@code shell} is set
     * @param resolve replaces the placeholders of each string
     * @param cwd the working directory
     * @param env the variables added to the inherited environment
     * @return the command to run, whose {@link CommandSpec#display()} is how messages show it
     */
    static CommandSpec command(
            String shell, List<String> args, Function<String, String> resolve, Path cwd, Map<String, String> env) {
        return shell != null
                ? CommandSpec.shell(resolve.apply(shell), cwd, env)
                : CommandSpec.args(args.stream().map(resolve).toList(), cwd, env);
    }

    private static Map<String, String> resolved(Map<String, String> env, Function<String, String> resolve) {
        return env.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> resolve.apply(e.getValue())));
    }

    @Override
    public String toString() {
        return "CommandStep[" + processes + "]";
    }
}
