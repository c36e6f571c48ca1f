package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.classify.Classifier;
import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.manifest.ExpectationPlaceholders;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import dev.smokegate.smoke.process.StepLogs;
import dev.smokegate.smoke.workspace.CloneCache;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one scenario: opens its {@link ScenarioResources}, prepares its workspace, then runs its
 * steps in order until one fails, and returns a result. A failure is data in the result; this class
 * throws nothing for a scenario that ran and failed. What each kind of step does is {@link
 * CommandStep}'s and {@link HarnessStep}'s job. Each step says when it starts, at info level.
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
    private final CommandStep commands;
    private final HarnessStep harnessSteps;

    /**
     * @param request the gate's request
     * @param manifest the loaded manifest
     * @param placeholders resolves the manifest's placeholders, given a scenario's gate values
     * @param log where progress is written
     * @param cache clones go through it
     */
    ScenarioRunner(GateRequest request, Manifest manifest, Placeholders placeholders, SmokeLog log, CloneCache cache) {
        StepFailures failures = new StepFailures(new Classifier(request.frontEnd()));
        this.gate = new GateContext(request, manifest, log, cache, failures, new StepChecks(log, failures));
        this.placeholders = placeholders;
        this.preparer = new WorkspacePreparer(gate);
        this.commands = new CommandStep(gate);
        this.harnessSteps = new HarnessStep(gate);
    }

    /**
     * @param scenario the scenario
     * @param source where its workspace comes from (the manifest's, or the request's clone URL)
     * @return its result: passed, or failed with the failing step (or {@code prepare})
     */
    ScenarioResult run(Scenario scenario, Source source) {
        Instant start = Instant.now();
        Instant deadline = scenario.timeout() == null ? Instant.MAX : start.plus(scenario.timeout());
        Path folder = gate.request().workDirectory().resolve(scenario.name());
        Function<String, String> resolve = placeholders.bind(ScenarioResources.gateValues(scenario.name(), folder));
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
            WorkspacePreparer.Prepared prepared =
                    preparer.prepare(scenario.name(), source, resources.workspace(), resolve);
            if (prepared.failure() != null) {
                return result(scenario, start, records, prepared.failure());
            }
            ScenarioContext context = new ScenarioContext(scenario, resources, prepared.stepRoot(), resolve, deadline);
            for (Step step : scenario.steps()) {
                Instant stepStart = Instant.now();
                StepFailure failure = runStep(context, step, stepStart);
                records.add(new StepRecord(
                        step.name(), step.number(), Duration.between(stepStart, Instant.now()), failure == null));
                if (failure != null) {
                    return result(scenario, start, records, failure);
                }
                gate.log().debug("[smoke] " + scenario.name() + " › " + step.name() + " passed");
            }
            return result(scenario, start, records, null);
        }
    }

    private StepFailure runStep(ScenarioContext context, Step step, Instant stepStart) {
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
                limit);
        return step.action() instanceof Action.Run run ? commands.run(stepContext, run) : harnessSteps.run(stepContext);
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
