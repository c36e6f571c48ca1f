package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.assertion.Checks;
import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.process.StepLogs;
import dev.smokegate.smoke.workspace.WorkspaceDiff;
import dev.smokegate.smoke.workspace.WorkspaceException;
import dev.smokegate.smoke.workspace.WorkspacePatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a step the gate does itself, without a command: {@code patch} (applies a unified diff to the
 * workspace) or {@code export} (copies files and writes the workspace's diff to the export folder).
 * What it did becomes the step's log (combined and stdout; stderr empty), so the same checks read it
 * as they read a command's output.
 */
final class HarnessStep {
    private final GateContext gate;

    /** @param gate the run's request, manifest (the folder of patch files), log, failures and checks */
    HarnessStep(GateContext gate) {
        this.gate = gate;
    }

    /**
     * @param step the step; its action is a patch or an export
     * @return why it failed, or {@code null} when it passed
     */
    StepFailure run(StepContext step) {
        StepLogs logs = step.logs();
        try {
            Files.createDirectories(logs.combined().getParent());
            List<String> lines = step.step().action() instanceof Action.Patch patch
                    ? patch(patch, step.scenario())
                    : export((Action.Export) step.step().action(), step.scenario());
            writeLog(logs, lines);
        } catch (WorkspaceException e) {
            writeLog(logs, List.of(e.getMessage()));
            return gate.failures().harness(step.name(), e, logs.combined());
        } catch (IOException | UncheckedIOException e) {
            writeLog(logs, List.of(e.toString()));
            return gate.failures()
                    .harness(
                            step.name(),
                            HarnessProblem.IO,
                            step.name() + " could not write under "
                                    + gate.request().display(step.scenario().export()) + ": " + e.getMessage()
                                    + ". Check free disk space and permissions.",
                            logs.combined());
        }
        return gate.checks()
                .firstFailure(
                        step, null, null, Checks.of(step.expect(), step.step().action()));
    }

    private List<String> patch(Action.Patch patch, ScenarioContext scenario) throws WorkspaceException {
        Path file = gate.manifest()
                .folder()
                .resolve(scenario.resolve().apply(patch.file()))
                .normalize();
        List<String> changed = WorkspacePatch.apply(scenario.workspace(), file);
        List<String> lines = new ArrayList<>();
        lines.add("applied " + gate.request().display(file) + " to the workspace: " + changed.size()
                + " file(s) changed");
        changed.forEach(path -> lines.add("  " + path));
        return lines;
    }

    private List<String> export(Action.Export export, ScenarioContext scenario) throws IOException, WorkspaceException {
        Function<String, String> resolve = scenario.resolve();
        Path target = scenario.export();
        List<String> lines = new ArrayList<>();
        Files.createDirectories(target);
        if (!export.files().isEmpty()) {
            List<String> globs = export.files().stream().map(resolve).toList();
            List<String> copied = Exporter.copy(scenario.workspace(), globs, target);
            lines.add("exported " + copied.size() + " file(s) matching " + String.join(", ", globs) + " to "
                    + gate.request().display(target));
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
            int files = WorkspaceDiff.write(scenario.workspace(), diff);
            lines.add("wrote the workspace's changes against its source commit (" + files + " file(s)) to "
                    + gate.request().display(diff));
        }
        return lines;
    }

    /**
     * Writes what the gate did in a step as the step's log: the lines to the combined and stdout
     * logs, an empty stderr log, each line redacted. A file that cannot be written is warned about,
     * not failed on.
     *
     * @param logs the step's logs; their folder exists
     * @param lines the lines
     */
    void writeLog(StepLogs logs, List<String> lines) {
        for (Path file : List.of(logs.combined(), logs.stdout())) {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    out.write(gate.redaction().apply(line));
                    out.write('\n');
                }
            } catch (IOException e) {
                gate.log().warn("[smoke] cannot write " + gate.request().display(file) + ": " + e.getMessage());
            }
        }
        try {
            Files.writeString(logs.stderr(), "");
        } catch (IOException e) {
            gate.log().warn("[smoke] cannot write " + gate.request().display(logs.stderr()) + ": " + e.getMessage());
        }
    }
}
