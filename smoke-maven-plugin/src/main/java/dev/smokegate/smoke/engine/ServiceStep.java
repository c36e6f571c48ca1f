package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.assertion.CheckResult;
import dev.smokegate.smoke.assertion.Checks;
import dev.smokegate.smoke.assertion.ExitCodeCheck;
import dev.smokegate.smoke.assertion.NoLeftoverProcessesCheck;
import dev.smokegate.smoke.assertion.StepOutput;
import dev.smokegate.smoke.classify.Evidence;
import dev.smokegate.smoke.classify.Evidence.ServiceProblem;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Readiness;
import dev.smokegate.smoke.model.Service;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.process.CommandSpec;
import dev.smokegate.smoke.process.ProcessOutcome;
import dev.smokegate.smoke.process.ReadinessPoller;
import dev.smokegate.smoke.process.ReadinessResult;
import dev.smokegate.smoke.process.ServiceProcess;
import dev.smokegate.smoke.process.StopOutcome;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the steps that start and stop a service.
 *
 * <ul>
 *   <li>{@code service}: starts the service's command (environment and folder as a {@code run}
 *       step's; output in the step's logs), hands it to the scenario ({@link
 *       ScenarioResources#addService}), waits until its readiness probe passes (the readiness
 *       timeout cut to the step's deadline when that is sooner), prints {@code [smoke] <scenario> ›
 *       <step>: ready after 14.2 s (http 200 from /healthz)}, then checks its log. A service that
 *       exits first fails the step with its exit code and log tail ({@code
 *       runtime.exited-before-ready}, or a host rule such as {@code host.port-in-use} when its log
 *       says so); one still not ready at the timeout fails with what the last probe saw ({@code
 *       runtime.not-ready}).
 *   <li>{@code stop}: SIGTERM to the service's tree, SIGKILL after its stop timeout; the step's own
 *       log says which ended it and what was left running; then the checks on the service's log,
 *       exit code ({@code expect.exit}) and leftovers ({@code runtime.leftover-process}). Leftovers
 *       are killed afterwards either way.
 * </ul>
 */
final class ServiceStep {
    private final GateContext gate;
    private final CommandStep commands;
    private final HarnessStep harnessSteps;

    /**
     * @param gate the run's request, log, failures and checks
     * @param commands builds a service's command as a {@code run} step's
     * @param harnessSteps writes the log of a {@code stop} step
     */
    ServiceStep(GateContext gate, CommandStep commands, HarnessStep harnessSteps) {
        this.gate = gate;
        this.commands = commands;
        this.harnessSteps = harnessSteps;
    }

    /**
     * @param step the step
     * @param serve its action
     * @return why it failed, or {@code null} when the service is ready and its checks hold
     */
    StepFailure serve(StepContext step, Action.Serve serve) {
        Service service = serve.service();
        CommandSpec spec = commands.spec(step, service.shell(), service.args());
        Readiness readiness = resolved(service.readiness(), step.scenario().resolve(), step.deadline());
        ServiceProcess process;
        try {
            process = ServiceProcess.start(spec, step.logs(), service.stopTimeout());
        } catch (UncheckedIOException e) {
            return CommandStep.logsFailed(gate, step, e.getMessage());
        }
        step.scenario().resources().addService(new ScenarioResources.Started(service, spec.display(), process));
        gate.log()
                .debug("[smoke] " + step.where() + ": started " + process + ", waiting up to "
                        + Durations.format(readiness.timeout()) + " for " + readiness.probe());
        Path log = step.logs().combined();
        String expectation =
                "expected service " + service.name() + " to be ready within " + Durations.format(readiness.timeout());
        if (process.startError().isPresent()) {
            String error = process.startError().get();
            List<String> tail = StepFailures.tail(log);
            return gate.failures()
                    .judged(
                            step,
                            spec.display(),
                            ProcessOutcome.COMMAND_NOT_FOUND,
                            new CheckResult(false, "expected the service to start", error, null),
                            log,
                            tail,
                            new Evidence.Service(
                                    service.name(),
                                    ServiceProblem.EXITED_BEFORE_READY,
                                    ProcessOutcome.COMMAND_NOT_FOUND,
                                    error,
                                    null,
                                    tail));
        }
        ReadinessResult result = ReadinessPoller.await(process, readiness);
        if (result instanceof ReadinessResult.Exited exited) {
            step.details().exitCode(exited.exitCode());
        }
        if (result instanceof ReadinessResult.Ready ready) {
            gate.log()
                    .info("[smoke] " + step.where() + ": ready after " + Durations.elapsed(ready.elapsed()) + " ("
                            + ready.what() + ")");
            return checkLog(step, service, spec, process);
        }
        if (result instanceof ReadinessResult.Exited exited) {
            // stopping an exited service reads the rest of its output; its note is not the service's
            String note = "[smoke] " + process.stop(service.stopTimeout());
            List<String> tail = new ArrayList<>(StepFailures.tail(log));
            if (!tail.isEmpty() && tail.get(tail.size() - 1).equals(note)) {
                tail.remove(tail.size() - 1);
            }
            String seen =
                    "it exited with exit code " + exited.exitCode() + " after " + Durations.elapsed(exited.elapsed());
            return gate.failures()
                    .judged(
                            step,
                            spec.display(),
                            exited.exitCode(),
                            new CheckResult(false, expectation, seen, null),
                            log,
                            tail,
                            new Evidence.Service(
                                    service.name(),
                                    ServiceProblem.EXITED_BEFORE_READY,
                                    exited.exitCode(),
                                    null,
                                    null,
                                    tail));
        }
        ReadinessResult.NotReady notReady = (ReadinessResult.NotReady) result;
        List<String> tail = StepFailures.tail(log);
        String seen = "still not ready after " + Durations.elapsed(notReady.elapsed()) + "; the last probe saw "
                + notReady.lastSeen();
        return gate.failures()
                .judged(
                        step,
                        spec.display(),
                        null,
                        new CheckResult(false, expectation, seen, null),
                        log,
                        tail,
                        new Evidence.Service(
                                service.name(), ServiceProblem.NOT_READY, null, null, notReady.lastSeen(), tail));
    }

    /** The checks of a ready service on its own log, classified as a probe of it that failed. */
    private StepFailure checkLog(StepContext step, Service service, CommandSpec spec, ServiceProcess process) {
        StepOutput output = new StepOutput(step.cwd(), process.logs(), 0);
        StepChecks.Failed failed = gate.checks()
                .firstFailed(step, Checks.of(step.expect(), step.step().action()), output);
        if (failed == null) {
            return null;
        }
        Path log = process.logs().combined();
        return gate.failures()
                .judged(
                        step,
                        spec.display(),
                        null,
                        failed.result(),
                        log,
                        StepFailures.tail(log),
                        new Evidence.Probe(
                                "log of service " + service.name(),
                                null,
                                null,
                                failed.result().evidence()));
    }

    /**
     * @param step the step
     * @param stop its action
     * @return why it failed, or {@code null} when the service stopped and the checks hold
     */
    StepFailure stop(StepContext step, Action.Stop stop) {
        ScenarioResources.Started started =
                step.scenario().resources().stop(stop.service()).orElse(null);
        if (started == null) {
            return gate.failures()
                    .check(
                            step,
                            new CheckResult(
                                    false,
                                    "expected service " + stop.service() + " to run",
                                    "no service " + stop.service()
                                            + " runs in this scenario: an earlier step stopped it",
                                    null));
        }
        ServiceProcess process = started.process();
        StopOutcome outcome = process.stop(started.service().stopTimeout());
        step.details().exitCode(outcome.exitCode());
        List<String> leftovers = process.leftovers();
        List<String> lines = new ArrayList<>();
        lines.add("[smoke] service " + stop.service() + " (" + started.command() + "): " + outcome);
        leftovers.forEach(left -> lines.add("[smoke] still running after the stop: " + left));
        harnessSteps.writeLog(step.logs(), lines);
        StepOutput output = new StepOutput(step.cwd(), process.logs(), outcome.exitCode()).withLeftovers(leftovers);
        StepChecks.Failed failed = gate.checks()
                .firstFailed(step, Checks.of(step.expect(), step.step().action()), output);
        List<String> killed = process.killLeftovers();
        if (!killed.isEmpty()) {
            gate.log().debug("[smoke] " + step.where() + ": killed " + killed);
        }
        if (failed == null) {
            return null;
        }
        Path serviceLog = process.logs().combined();
        List<String> serviceTail = StepFailures.tail(serviceLog);
        Evidence evidence = failed.check() instanceof NoLeftoverProcessesCheck
                ? new Evidence.Leftover(leftovers)
                : new Evidence.Process(
                        outcome.exitCode(),
                        false,
                        null,
                        failed.check() instanceof ExitCodeCheck,
                        serviceTail,
                        failed.result().evidence());
        return gate.failures()
                .judged(
                        step,
                        started.command(),
                        outcome.exitCode(),
                        failed.result(),
                        step.logs().combined(),
                        StepFailures.tail(step.logs().combined()),
                        evidence)
                .withServices(List.of(StepFailures.serviceTail(stop.service(), serviceLog)));
    }

    /**
     * The readiness with its placeholders resolved and its timeout cut to the step's deadline when
     * that comes sooner.
     */
    private static Readiness resolved(Readiness readiness, Function<String, String> resolve, Instant deadline) {
        Readiness.Probe probe = readiness.probe();
        Readiness.Probe resolvedProbe;
        if (probe instanceof Readiness.Http http) {
            resolvedProbe = new Readiness.Http(
                    resolve.apply(http.url()),
                    http.statuses(),
                    http.bodyContains().stream().map(resolve).toList());
        } else if (probe instanceof Readiness.Tcp tcp) {
            resolvedProbe = new Readiness.Tcp(resolve.apply(tcp.address()));
        } else {
            resolvedProbe = new Readiness.Log(resolve.apply(((Readiness.Log) probe).regex()));
        }
        return new Readiness(resolvedProbe, ProbeStep.within(readiness.timeout(), deadline), readiness.interval());
    }

    @Override
    public String toString() {
        return "ServiceStep[" + commands + "]";
    }
}
