package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.classify.Classifier;
import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.manifest.ExpectationPlaceholders;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ScenarioSource;
import dev.smokegate.smoke.model.ServiceTail;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import dev.smokegate.smoke.process.PortReservations;
import dev.smokegate.smoke.process.Ports;
import dev.smokegate.smoke.process.StepLogs;
import dev.smokegate.smoke.workspace.CloneCache;
import dev.smokegate.smoke.workspace.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one scenario: opens its {@link ScenarioResources}, prepares its workspace, then runs its
 * steps in order until one fails, and returns a result. A failure is data in the result; this class
 * throws nothing for a scenario that ran and failed. What each kind of step does is {@link
 * CommandStep}'s, {@link ServiceStep}'s, {@link ProbeStep}'s and {@link HarnessStep}'s job. Each step
 * says when it starts, at info level.
 *
 * <p>A scenario's {@code ${smoke.export.NAME}} is the export folder of NAME, a scenario it needs
 * (which has finished by then: {@link ScenarioPool} sees to that).
 *
 * <p>Each scenario run has its own ports: {@code ${port.NAME}} in any string of the scenario
 * reserves a free loopback port on first use (a port that cannot be had fails the step as a host
 * problem, naming the placeholder). When a step fails while services run, the failure gets their log
 * tails (the post-mortem). Services and ports end with the scenario, passed, failed or timed out.
 *
 * <p>A runner holds nothing of the scenarios it runs: everything one run uses lives in its own
 * {@link ScenarioContext}, folder and workspace, and the parts it shares (the clone cache, the
 * process runner, the failure and check builders) keep no state between calls or lock what they
 * share (the cache locks each mirror). So one runner may run several scenarios at once, on
 * several threads.
 */
final class ScenarioRunner {
    private final GateContext gate;
    private final Placeholders placeholders;
    private final WorkspacePreparer preparer;
    private final PortReservations ports;
    private final CommandStep commands;
    private final HarnessStep harnessSteps;
    private final ServiceStep services;
    private final ProbeStep probes;
    private final GoldenUpdates goldenUpdates;
    private final Runnable beforeSteps;

    /**
     * @param request the gate's request
     * @param manifest the loaded manifest
     * @param placeholders resolves the manifest's placeholders, given a scenario's gate values
     * @param log where progress is written
     * @param cache clones go through it
     * @param ports the ports of the gate run; each scenario gets its own {@link Ports} from it
     * @param beforeSteps called between a scenario's workspace and its first step; it returns when
     *     steps may run (the checkouts' fingerprints before the gate are taken, see {@link
     *     CheckoutFingerprints#awaitBeforeSteps})
     * @param claims given a checkout about to be copied, where its copy hands the checkout's
     *     fingerprint before the gate, or {@code null} when the copy is not to record one (see {@link
     *     CheckoutFingerprints#claim})
     */
    ScenarioRunner(
            GateRequest request,
            Manifest manifest,
            Placeholders placeholders,
            SmokeLog log,
            CloneCache cache,
            PortReservations ports,
            Runnable beforeSteps,
            Function<Path, Consumer<Fingerprint>> claims) {
        StepFailures failures = new StepFailures(new Classifier(request.frontEnd(), manifest.rules()));
        this.goldenUpdates =
                new GoldenUpdates(request.update(), request.frontEnd().setting(FrontEnd.Setting.UPDATE));
        this.gate = new GateContext(
                request,
                manifest,
                log,
                cache,
                failures,
                new StepChecks(log, failures, goldenUpdates),
                Secrets.of(request, manifest, placeholders));
        this.placeholders = placeholders;
        this.preparer = new WorkspacePreparer(gate, claims);
        this.ports = ports;
        this.commands = new CommandStep(gate);
        this.harnessSteps = new HarnessStep(gate);
        this.services = new ServiceStep(gate, commands, harnessSteps);
        this.probes = new ProbeStep(gate);
        this.beforeSteps = Objects.requireNonNull(beforeSteps, "beforeSteps");
    }

    /** @return the source of each scenario this runner began to prepare (see {@link WorkspacePreparer#sources()}) */
    Map<String, ScenarioSource> sources() {
        return preparer.sources();
    }

    /** @return the golden files update mode rewrites, gathered while scenarios ran; written by the engine */
    GoldenUpdates goldenUpdates() {
        return goldenUpdates;
    }

    /**
     * @param scenario the scenario
     * @param source where its workspace comes from (the manifest's, or the request's clone URL)
     * @return its result: passed, or failed with the failing step (or {@code prepare})
     */
    ScenarioResult run(Scenario scenario, Source source) {
        goldenUpdates.forget(scenario.name());
        Instant start = Instant.now();
        Instant deadline = scenario.timeout() == null ? Instant.MAX : start.plus(scenario.timeout());
        Path folder = gate.request().workDirectory().resolve(scenario.name());
        List<StepRecord> records = new ArrayList<>();
        ScenarioResources opened;
        try {
            opened = ScenarioResources.open(folder, gate.log());
        } catch (IOException e) {
            return result(
                    scenario,
                    start,
                    records,
                    gate.failures()
                            .harness(
                                    "prepare",
                                    HarnessProblem.IO,
                                    "cannot reset the scenario folder "
                                            + gate.request().display(folder) + ": " + e.getMessage()
                                            + ". Check its permissions and free disk space.",
                                    null));
        }
        try (ScenarioResources resources = opened) {
            Ports scenarioPorts = ports.forScenario();
            resources.register(scenarioPorts);
            Map<String, String> values = new HashMap<>(ScenarioResources.gateValues(scenario.name(), folder));
            values.putAll(NeedsGraph.exports(scenario, gate.request().workDirectory()));
            Function<String, String> resolve = placeholders.bind(values, name -> port(scenarioPorts, name));
            WorkspacePreparer.Prepared prepared;
            try {
                prepared = preparer.prepare(scenario.name(), source, resources.workspace(), resolve);
            } catch (NoPort e) {
                return result(scenario, start, records, noPort("prepare", e));
            }
            if (prepared.failure() != null) {
                return result(scenario, start, records, prepared.failure());
            }
            beforeSteps.run();
            ScenarioContext context = new ScenarioContext(scenario, resources, prepared.stepRoot(), resolve, deadline);
            for (Step step : scenario.steps()) {
                Instant stepStart = Instant.now();
                StepDetails details = new StepDetails();
                StepFailure failure;
                try {
                    failure = runStep(context, step, stepStart, details);
                } catch (NoPort e) {
                    failure = noPort(step.name(), e);
                }
                if (failure != null) {
                    failure = failure.withServices(postMortem(resources, failure));
                }
                records.add(details.record(
                        step.name(), step.number(), Duration.between(stepStart, Instant.now()), failure));
                if (failure != null) {
                    return result(scenario, start, records, failure);
                }
                gate.log().debug("[smoke] " + scenario.name() + " › " + step.name() + " passed");
            }
            return result(scenario, start, records, null);
        }
    }

    private StepFailure runStep(ScenarioContext context, Step step, Instant stepStart, StepDetails details) {
        Scenario scenario = context.scenario();
        gate.log()
                .info(ProgressLines.stepStart(
                        scenario.name() + " › " + step.name(),
                        step.number(),
                        scenario.steps().size(),
                        ProgressLines.what(step.action(), context.resolve())));
        Duration limit = step.timeout() == null ? gate.manifest().defaultTimeout() : step.timeout();
        Instant deadline =
                stepStart.plus(limit).isBefore(context.deadline()) ? stepStart.plus(limit) : context.deadline();
        StepLogs logs = StepLogs.in(context.folder(), step.logName());
        details.logs(logs);
        String cwdText = context.resolve().apply(step.cwd());
        Path cwd = Confinement.inside(
                        context.workspace(), context.stepRoot().resolve(cwdText).toString())
                .orElse(null);
        if (cwd == null) {
            return gate.failures()
                    .harness(
                            step.name(),
                            HarnessProblem.ESCAPES_WORKSPACE,
                            "cwd '" + cwdText + "' of " + scenario.name() + " › " + step.name()
                                    + " leaves the workspace. Use a folder inside the workspace.",
                            null);
        }
        StepContext stepContext = new StepContext(
                context,
                step,
                logs,
                cwd,
                ExpectationPlaceholders.resolve(step.expect(), context.resolve()),
                deadline,
                limit,
                details);
        Action action = step.action();
        if (action instanceof Action.Run run) {
            return commands.run(stepContext, run);
        }
        if (action instanceof Action.Serve serve) {
            return services.serve(stepContext, serve);
        }
        if (action instanceof Action.Stop stop) {
            return services.stop(stepContext, stop);
        }
        if (action instanceof Action.Http http) {
            return probes.http(stepContext, http);
        }
        if (action instanceof Action.Tcp tcp) {
            return probes.tcp(stepContext, tcp);
        }
        return harnessSteps.run(stepContext);
    }

    /** The value of {@code ${port.NAME}}, reserved on first use; {@code null} for any other name. */
    private static String port(Ports ports, String name) {
        if (!Placeholders.isPort(name)) {
            return null;
        }
        try {
            return String.valueOf(ports.port(name.substring(Placeholders.PORT_PREFIX.length())));
        } catch (UncheckedIOException e) {
            throw new NoPort(e);
        }
    }

    private StepFailure noPort(String step, NoPort e) {
        return gate.failures().harness(step, HarnessProblem.IO, e.getMessage(), null);
    }

    /**
     * The post-mortem of a failed step: the log tail of each service still counted as running (not
     * stopped by a step), but not the one whose log the failure already shows.
     */
    private static List<ServiceTail> postMortem(ScenarioResources resources, StepFailure failure) {
        List<ServiceTail> tails = new ArrayList<>();
        resources.running().forEach((name, started) -> {
            Path log = started.process().logs().combined();
            if (!log.equals(failure.log())) {
                tails.add(StepFailures.serviceTail(name, log));
            }
        });
        return tails;
    }

    /** A port that could not be reserved while a placeholder was resolved; the message names it. */
    private static final class NoPort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoPort(UncheckedIOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static ScenarioResult result(
            Scenario scenario, Instant start, List<StepRecord> records, StepFailure failure) {
        return new ScenarioResult(
                scenario.name(),
                failure == null ? Status.PASS : Status.FAIL,
                Duration.between(start, Instant.now()),
                records,
                failure,
                null);
    }
}
