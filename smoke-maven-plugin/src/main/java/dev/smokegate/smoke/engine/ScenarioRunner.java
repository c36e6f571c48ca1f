package dev.smokegate.smoke.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.smokegate.smoke.assertion.Check;
import dev.smokegate.smoke.assertion.CheckResult;
import dev.smokegate.smoke.assertion.Checks;
import dev.smokegate.smoke.assertion.ExitCodeCheck;
import dev.smokegate.smoke.assertion.StepOutput;
import dev.smokegate.smoke.classify.Classifier;
import dev.smokegate.smoke.classify.Evidence;
import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import dev.smokegate.smoke.model.StreamExpectation;
import dev.smokegate.smoke.process.CommandSpec;
import dev.smokegate.smoke.process.LogTail;
import dev.smokegate.smoke.process.ProcessOutcome;
import dev.smokegate.smoke.process.ProcessRunner;
import dev.smokegate.smoke.process.StepLogs;
import dev.smokegate.smoke.workspace.CheckoutCopier;
import dev.smokegate.smoke.workspace.CloneCache;
import dev.smokegate.smoke.workspace.CloneReport;
import dev.smokegate.smoke.workspace.CopyReport;
import dev.smokegate.smoke.workspace.Deletion;
import dev.smokegate.smoke.workspace.Skipped;
import dev.smokegate.smoke.workspace.WorkspaceDiff;
import dev.smokegate.smoke.workspace.WorkspaceException;
import dev.smokegate.smoke.workspace.WorkspacePatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one scenario: prepares its workspace, then its steps in order, and returns a result. A
 * failure is data in the result; this class throws nothing for a scenario that ran and failed.
 */
final class ScenarioRunner {
    /** Lines of output shown inline under a failure. */
    static final int TAIL_LINES = 20;
    /** Lines of output the classification rules look at. */
    private static final int EVIDENCE_LINES = 200;
    /** An ECMA-48 control sequence: ESC [ parameters intermediates final byte. */
    private static final java.util.regex.Pattern ANSI_ESCAPE =
            java.util.regex.Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");

    private final GateRequest request;
    private final Manifest manifest;
    private final Placeholders placeholders;
    private final SmokeLog log;
    private final ProcessRunner processes;
    private final CloneCache cache;

    ScenarioRunner(GateRequest request, Manifest manifest, Placeholders placeholders, SmokeLog log, CloneCache cache) {
        this.request = request;
        this.manifest = manifest;
        this.placeholders = placeholders;
        this.log = log;
        this.processes = new ProcessRunner(log);
        this.cache = cache;
    }

    /** The folder of a scenario's logs, workspace and export. */
    Path folder(Scenario scenario) {
        return request.workDirectory().resolve(scenario.name());
    }

    ScenarioResult run(Scenario scenario, Source source) {
        Instant start = Instant.now();
        Instant deadline = scenario.timeout() == null ? Instant.MAX : start.plus(scenario.timeout());
        Path folder = folder(scenario);
        Path workspace = folder.resolve("workspace");
        Path export = folder.resolve("export");
        Map<String, String> gate = Map.of(
                "smoke.workspace", workspace.toString(),
                "smoke.export", export.toString(),
                "smoke.scenario", scenario.name(),
                "smoke.logs", folder.toString());
        Function<String, String> resolve = placeholders.bind(gate);
        List<StepRecord> records = new ArrayList<>();
        try {
            Deletion.deleteRecursively(folder);
            Files.createDirectories(folder);
        } catch (IOException e) {
            return failed(
                    scenario,
                    start,
                    records,
                    harness(
                            "prepare",
                            HarnessProblem.IO,
                            "cannot reset the scenario folder " + request.display(folder) + ": " + e.getMessage()
                                    + ". Check its permissions and free disk space.",
                            null));
        }
        Prepared prepared = prepare(scenario, source, workspace, resolve);
        if (prepared.failure() != null) {
            return failed(scenario, start, records, prepared.failure());
        }
        Path stepRoot = prepared.stepRoot();
        for (Step step : scenario.steps()) {
            Instant stepStart = Instant.now();
            Duration limit = step.timeout() == null ? manifest.defaultTimeout() : step.timeout();
            Instant stepDeadline = stepStart.plus(limit).isBefore(deadline) ? stepStart.plus(limit) : deadline;
            StepFailure failure = runStep(
                    scenario, step, folder, workspace, stepRoot, export, resolve, stepDeadline, limit, deadline);
            records.add(new StepRecord(
                    step.name(), step.number(), Duration.between(stepStart, Instant.now()), failure == null));
            if (failure != null) {
                return failed(scenario, start, records, failure);
            }
            log.debug("[smoke] " + scenario.name() + " › " + step.name() + " passed");
        }
        return new ScenarioResult(
                scenario.name(), Status.PASS, Duration.between(start, Instant.now()), records, null, null);
    }

    /** A prepared workspace: the folder steps run in (the checkout's subfolder), or why it failed. */
    private record Prepared(Path stepRoot, StepFailure failure) {}

    private Prepared prepare(Scenario scenario, Source source, Path workspace, Function<String, String> resolve) {
        try {
            if (source instanceof Source.Checkout checkout) {
                Path path = request.basedir()
                        .resolve(resolve.apply(checkout.path()))
                        .normalize();
                CopyReport report =
                        new CheckoutCopier(log).copy(path, workspace, checkout.untracked(), request.workDirectory());
                log.info("[smoke] " + scenario.name() + ": workspace from checkout " + request.display(path)
                        + (report.sourceCommit() == null
                                ? " (no commit yet)"
                                : " at " + abbreviate(report.sourceCommit()))
                        + ": " + report.files() + " files, " + report.bytes() + " bytes"
                        + skipped(report.skipped()));
                return new Prepared(workspace.resolve(report.subfolder()).normalize(), null);
            }
            Source.Clone clone = (Source.Clone) source;
            String ref = clone.ref() == null ? null : resolve.apply(clone.ref());
            CloneReport report = cache.cloneInto(resolve.apply(clone.url()), ref, workspace);
            log.info("[smoke] " + scenario.name() + ": workspace cloned from " + resolve.apply(clone.url())
                    + (ref == null ? "" : " at " + ref) + " → " + abbreviate(report.commit())
                    + (report.fetched() ? "" : " (from cache, no fetch)"));
            return new Prepared(workspace, null);
        } catch (WorkspaceException e) {
            return new Prepared(null, harness("prepare", problem(e.reason()), e.getMessage(), null));
        }
    }

    private StepFailure runStep(
            Scenario scenario,
            Step step,
            Path folder,
            Path workspace,
            Path stepRoot,
            Path export,
            Function<String, String> resolve,
            Instant deadline,
            Duration limit,
            Instant scenarioDeadline) {
        StepLogs logs = StepLogs.in(folder, step.logName());
        String cwdText = resolve.apply(step.cwd());
        Path cwd = Confinement.inside(workspace, stepRoot.resolve(cwdText).toString())
                .orElse(null);
        if (cwd == null) {
            return harness(
                    step.name(),
                    HarnessProblem.ESCAPES_WORKSPACE,
                    "cwd '" + cwdText + "' of " + scenario.name() + " › " + step.name()
                            + " leaves the workspace. Use a folder inside the workspace.",
                    null);
        }
        Expectations expect = resolveExpectations(step.expect(), resolve);
        if (step.action() instanceof Action.Run run) {
            Map<String, String> env = new LinkedHashMap<>();
            env.putAll(manifest.defaultEnv().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> resolve.apply(e.getValue()))));
            env.putAll(scenario.env().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> resolve.apply(e.getValue()))));
            env.putAll(step.env().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> resolve.apply(e.getValue()))));
            CommandSpec spec = run.shell() != null
                    ? CommandSpec.shell(resolve.apply(run.shell()), cwd, env)
                    : CommandSpec.args(run.args().stream().map(resolve).toList(), cwd, env);
            log.debug("[smoke] " + scenario.name() + " › " + step.name() + ": " + spec.display() + " (in "
                    + request.display(cwd) + ", deadline " + deadline + ")");
            ProcessOutcome outcome;
            try {
                outcome = processes.run(spec, logs, deadline);
            } catch (UncheckedIOException e) {
                return harness(
                        step.name(),
                        HarnessProblem.IO,
                        "cannot write the logs of " + scenario.name() + " › " + step.name() + " under "
                                + request.display(folder) + ": " + e.getCause().getMessage()
                                + ". Check free disk space and permissions.",
                        null);
            }
            if (outcome.timedOut()) {
                boolean scenarioLimit = deadline.equals(scenarioDeadline);
                return processFailure(
                        step,
                        spec.display(),
                        outcome,
                        logs,
                        scenarioLimit
                                ? "expected the scenario to finish within " + Durations.format(scenario.timeout())
                                : "expected the step to finish within " + Durations.format(limit),
                        "killed after " + seconds(outcome.elapsed()),
                        false,
                        null);
            }
            if (outcome.startError() != null) {
                return processFailure(
                        step,
                        spec.display(),
                        outcome,
                        logs,
                        "expected the command to start",
                        outcome.startError(),
                        true,
                        null);
            }
            return check(step, spec.display(), outcome, logs, cwd, Checks.of(expect, true));
        }
        try {
            Files.createDirectories(logs.combined().getParent());
            List<String> lines = step.action() instanceof Action.Patch patch
                    ? patch(patch, workspace, resolve)
                    : export((Action.Export) step.action(), workspace, export, resolve);
            writeHarnessLog(logs, lines);
        } catch (WorkspaceException e) {
            writeHarnessLog(logs, List.of(e.getMessage()));
            return harness(step.name(), problem(e.reason()), e.getMessage(), logs.combined());
        } catch (IOException | UncheckedIOException e) {
            writeHarnessLog(logs, List.of(e.toString()));
            return harness(
                    step.name(),
                    HarnessProblem.IO,
                    step.name() + " could not write under " + request.display(export) + ": " + e.getMessage()
                            + ". Check free disk space and permissions.",
                    logs.combined());
        }
        return check(step, null, null, logs, cwd, Checks.of(expect, false));
    }

    private List<String> patch(Action.Patch patch, Path workspace, Function<String, String> resolve)
            throws WorkspaceException {
        Path file = manifest.folder().resolve(resolve.apply(patch.file())).normalize();
        List<String> changed = WorkspacePatch.apply(workspace, file);
        List<String> lines = new ArrayList<>();
        lines.add("applied " + request.display(file) + " to the workspace: " + changed.size() + " file(s) changed");
        changed.forEach(path -> lines.add("  " + path));
        return lines;
    }

    private List<String> export(Action.Export export, Path workspace, Path target, Function<String, String> resolve)
            throws IOException, WorkspaceException {
        List<String> lines = new ArrayList<>();
        Files.createDirectories(target);
        if (!export.files().isEmpty()) {
            List<String> globs = export.files().stream().map(resolve).toList();
            List<String> copied = Exporter.copy(workspace, globs, target);
            lines.add("exported " + copied.size() + " file(s) matching " + String.join(", ", globs) + " to "
                    + request.display(target));
            copied.forEach(path -> lines.add("  " + path));
        }
        if (export.diff() != null) {
            String name = resolve.apply(export.diff());
            Path diff = Confinement.inside(target, name)
                    .orElseThrow(() -> new WorkspaceException(
                            WorkspaceException.Reason.ESCAPES_WORKSPACE,
                            "export.diff '" + name
                                    + "' leaves the export folder. Use a plain file name such as changes.diff."));
            Files.createDirectories(diff.getParent());
            int files = WorkspaceDiff.write(workspace, diff);
            lines.add("wrote the workspace's changes against its source commit (" + files + " file(s)) to "
                    + request.display(diff));
        }
        return lines;
    }

    private StepFailure check(
            Step step, String command, ProcessOutcome outcome, StepLogs logs, Path cwd, List<Check> checks) {
        StepOutput output = new StepOutput(cwd, logs, outcome == null ? 0 : outcome.exitCode());
        for (Check check : checks) {
            CheckResult result = check.evaluate(output);
            log.debug("[smoke]   " + check + " → " + (result.passed() ? "ok" : "FAILED: " + result.seen()));
            if (!result.passed()) {
                if (outcome == null) {
                    return new StepFailure(
                            step.name(),
                            null,
                            null,
                            result.expectation(),
                            result.seen(),
                            logs.combined(),
                            tail(logs.combined(), TAIL_LINES),
                            Classifier.classify(new Evidence.Process(
                                    0, false, null, false, tail(logs.combined(), EVIDENCE_LINES), result.evidence())));
                }
                return processFailure(
                        step,
                        command,
                        outcome,
                        logs,
                        result.expectation(),
                        result.seen(),
                        check instanceof ExitCodeCheck,
                        result.evidence());
            }
        }
        return null;
    }

    private StepFailure processFailure(
            Step step,
            String command,
            ProcessOutcome outcome,
            StepLogs logs,
            String expectation,
            String seen,
            boolean exitCheckFailed,
            String evidence) {
        List<String> tail = tail(logs.combined(), EVIDENCE_LINES);
        return new StepFailure(
                step.name(),
                command,
                outcome.exitCode(),
                expectation,
                seen,
                logs.combined(),
                tail.subList(Math.max(0, tail.size() - TAIL_LINES), tail.size()),
                Classifier.classify(new Evidence.Process(
                        outcome.exitCode(),
                        outcome.timedOut(),
                        outcome.startError(),
                        exitCheckFailed,
                        tail,
                        evidence)));
    }

    private StepFailure harness(String step, HarnessProblem problem, String message, Path logFile) {
        List<String> tail = logFile == null ? List.of() : tail(logFile, TAIL_LINES);
        return new StepFailure(
                step,
                null,
                null,
                expectationFor(problem),
                message,
                logFile,
                tail,
                Classifier.classify(new Evidence.Harness(problem, message)));
    }

    private static String expectationFor(HarnessProblem problem) {
        return switch (problem) {
            case PATCH_REJECTED -> "expected the patch to apply";
            case ESCAPES_WORKSPACE -> "expected every path to stay inside the workspace";
            case UNREACHABLE, OFFLINE_NOT_CACHED, REF_NOT_FOUND -> "expected a clean clone of the repository";
            case NOT_A_REPOSITORY, UNREADABLE_TRACKED -> "expected a copy of the checkout";
            case IO -> "expected the gate to read and write its files";
        };
    }

    private ScenarioResult failed(Scenario scenario, Instant start, List<StepRecord> records, StepFailure failure) {
        return new ScenarioResult(
                scenario.name(), Status.FAIL, Duration.between(start, Instant.now()), records, failure, null);
    }

    private void writeHarnessLog(StepLogs logs, List<String> lines) {
        for (Path file : List.of(logs.combined(), logs.stdout())) {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                }
            } catch (IOException e) {
                log.warn("[smoke] cannot write " + request.display(file) + ": " + e.getMessage());
            }
        }
        try {
            Files.writeString(logs.stderr(), "");
        } catch (IOException e) {
            log.warn("[smoke] cannot write " + request.display(logs.stderr()) + ": " + e.getMessage());
        }
    }

    /**
     * The last lines of a log without ANSI escape sequences (ECMA-48 CSI, as colored build tools
     * print them), so reports and rules read plain text; or a line saying why it could not be read.
     */
    private static List<String> tail(Path log, int lines) {
        try {
            return LogTail.lastLines(log, lines).stream()
                    .map(line -> ANSI_ESCAPE.matcher(line).replaceAll(""))
                    .toList();
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    private static HarnessProblem problem(WorkspaceException.Reason reason) {
        return HarnessProblem.valueOf(reason.name());
    }

    private static Expectations resolveExpectations(Expectations e, Function<String, String> resolve) {
        Map<String, List<String>> contain = new LinkedHashMap<>();
        e.filesContain()
                .forEach((path, texts) -> contain.put(
                        resolve.apply(path), texts.stream().map(resolve).toList()));
        Map<String, JsonNode> json = new LinkedHashMap<>();
        e.json().forEach((pointer, value) -> json.put(pointer, resolveJson(value, resolve)));
        Map<String, Map<String, JsonNode>> filesJson = new LinkedHashMap<>();
        e.filesJson().forEach((path, pointers) -> {
            Map<String, JsonNode> resolved = new LinkedHashMap<>();
            pointers.forEach((pointer, value) -> resolved.put(pointer, resolveJson(value, resolve)));
            filesJson.put(resolve.apply(path), resolved);
        });
        return new Expectations(
                e.exit(),
                resolveStream(e.stdout(), resolve),
                resolveStream(e.stderr(), resolve),
                resolveStream(e.output(), resolve),
                e.filesExist().stream().map(resolve).toList(),
                e.filesAbsent().stream().map(resolve).toList(),
                contain,
                json,
                filesJson);
    }

    private static JsonNode resolveJson(JsonNode value, Function<String, String> resolve) {
        return value.isTextual() ? TextNode.valueOf(resolve.apply(value.textValue())) : value;
    }

    private static StreamExpectation resolveStream(StreamExpectation s, Function<String, String> resolve) {
        return new StreamExpectation(
                s.contains().stream().map(resolve).toList(),
                s.matches().stream().map(resolve).toList(),
                s.notContains().stream().map(resolve).toList());
    }

    private static String skipped(List<Skipped> skipped) {
        if (skipped.isEmpty()) {
            return "";
        }
        return "; skipped " + skipped.size() + " unreadable or special path(s): "
                + skipped.stream()
                        .limit(5)
                        .map(s -> s.path() + " (" + s.reason() + ")")
                        .collect(Collectors.joining(", "))
                + (skipped.size() > 5 ? ", …" : "");
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String abbreviate(String commit) {
        return commit == null ? "(no commit)" : commit.substring(0, Math.min(12, commit.length()));
    }
}
