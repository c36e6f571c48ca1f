package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The rules of one {@code [[scenario.step]]} table of format 1: exactly one action ({@code run},
 * {@code args}, {@code patch}, {@code export}, {@code service}, {@code http}, {@code tcp} or {@code
 * stop}), paths that stay inside the workspace, a patch file that exists, and an {@code expect}
 * table, and an optional {@code blame} ({@code "source"} or {@code "runtime"}: who a failure of the
 * step belongs to when no host rule matched). Problems go to the load's {@link TomlReader}; a step
 * with any problem is read as {@code null}.
 *
 * <p>This class states the step keys and the run, patch and export actions; {@link ServiceReader}
 * states {@code service} and {@code stop}, {@link ProbeReader} states {@code http} and {@code tcp},
 * and {@link ExpectReader} states {@code expect}.
 */
final class StepReader {
    private static final List<String> ACTIONS =
            List.of("run", "args", "patch", "export", "service", "http", "tcp", "stop");
    private static final Set<String> STEP_KEYS = Set.of(
            "name", "run", "args", "patch", "export", "service", "http", "tcp", "stop", "cwd", "timeout", "env",
            "expect", "blame");
    private static final Set<String> EXPORT_KEYS = Set.of("diff", "files");
    /** What {@link #blame} reads for a value it reported: neither absent nor a category a step may blame. */
    private static final FailureCategory BAD_BLAME = FailureCategory.HOST;

    private final TomlReader toml;
    private final ValueChecks checks;
    private final ServiceReader services;
    private final ProbeReader probes;
    private final ExpectReader expect;
    private final Path folder;

    /**
     * @param toml the load's reader, where problems go
     * @param placeholders the known placeholders, to try a regex, URL or address with them filled in
     * @param folder the manifest's folder, against which patch files are found
     * @param golden the rules of {@code equals-file} paths (golden files, also found against it)
     */
    StepReader(TomlReader toml, Placeholders placeholders, Path folder, GoldenPaths golden) {
        this.toml = toml;
        this.checks = new ValueChecks(toml, placeholders);
        this.services = new ServiceReader(toml, checks);
        this.probes = new ProbeReader(toml, checks);
        this.expect = new ExpectReader(toml, checks, golden);
        this.folder = folder;
    }

    /**
     * @param table the step table
     * @param where the table's position
     * @param number the step's 1-based number in its scenario
     * @param names the step names of the scenario so far
     * @param serviceNames the service names of the scenario so far; a service step adds its own
     * @param scenario the scenario, as messages name it
     * @return the step; {@code null} when it has a problem
     */
    Step step(TomlTable table, Location where, int number, Names names, Names serviceNames, String scenario) {
        String context = "[[scenario.step]]";
        toml.keys(table, STEP_KEYS, context);
        String name = names.read(table, context + " of " + scenario, where);
        String stepContext = scenario + " › " + (name == null ? "step " + number : name);
        String key = toml.oneOf(
                table,
                ACTIONS,
                "",
                stepContext,
                stepContext + " does nothing. Give it one of run, args, patch, export, service, http, tcp or stop.",
                where,
                "A step does one thing: split it into several steps.");
        Action action = key == null ? null : action(table, key, stepContext, serviceNames);
        String cwd = toml.text(table, "cwd", stepContext);
        if (cwd != null) {
            checks.insideWorkspace(table, "cwd", cwd, stepContext);
        }
        Duration timeout = toml.duration(table, "timeout", stepContext);
        Map<String, String> env = toml.textTable(table, "env", stepContext);
        if (!env.isEmpty() && startsNoProcess(action)) {
            toml.problem(
                    toml.at(table, "env"),
                    "'env' in " + stepContext + " sets the environment of a process, and this is "
                            + StepKind.of(action).withArticle() + " step, which starts none. Remove it.");
        }
        Expectations expect = this.expect.read(table, stepContext, action);
        FailureCategory blame = blame(table, stepContext);
        if (name == null || action == null || expect == null || blame == BAD_BLAME) {
            return null;
        }
        return new Step(name, number, action, cwd == null ? "." : cwd, timeout, env, expect, where, blame);
    }

    /**
     * The step's {@code blame}: {@code null} when absent, {@link #BAD_BLAME} when it is not {@code
     * "source"} or {@code "runtime"} (a problem then). The host is never blamed by a step: only the
     * host rules say a failure is the machine's.
     */
    private FailureCategory blame(TomlTable table, String context) {
        if (table.get(List.of("blame")) == null) {
            return null;
        }
        String blame = toml.string(table, "blame", context);
        if ("source".equals(blame)) {
            return FailureCategory.SOURCE;
        }
        if ("runtime".equals(blame)) {
            return FailureCategory.RUNTIME;
        }
        if (blame != null) {
            toml.problem(
                    toml.at(table, "blame"),
                    "'blame' in " + context + " must be \"source\" or \"runtime\"; found \"" + blame + "\". "
                            + ("host".equals(blame)
                                    ? "Only host rules blame the machine: add a [[classify]] rule with category"
                                            + " = \"host\" that matches the line."
                                    : "Write blame = \"source\" or blame = \"runtime\", or remove it."));
        }
        return BAD_BLAME;
    }

    private Action action(TomlTable table, String key, String context, Names serviceNames) {
        return switch (key) {
            case "run" -> run(table, context);
            case "args" -> args(table, context);
            case "patch" -> patch(table, context);
            case "export" -> export(table, context);
            case "service" -> services.serve(table, context, serviceNames);
            case "http" -> probes.http(table, context);
            case "tcp" -> probes.tcp(table, context);
            default -> services.stop(table, context, serviceNames);
        };
    }

    /** Whether a step's {@code env} would reach no process: an http, tcp or stop step. */
    private static boolean startsNoProcess(Action action) {
        return action instanceof Action.Http || action instanceof Action.Tcp || action instanceof Action.Stop;
    }

    private Action run(TomlTable table, String context) {
        String run = toml.text(table, "run", context);
        if (run != null && run.isBlank()) {
            toml.problem(toml.at(table, "run"), "'run' in " + context + " is empty. Write the command to run.");
            return null;
        }
        return run == null ? null : new Action.Run(run, null);
    }

    private Action args(TomlTable table, String context) {
        List<String> args = toml.texts(table, "args", context);
        if (!args.isEmpty()) {
            return new Action.Run(null, args);
        }
        if (table.get(List.of("args")) instanceof TomlArray array && array.isEmpty()) {
            toml.problem(
                    toml.at(table, "args"),
                    "'args' in " + context
                            + " is empty. Write the program and its arguments, e.g. [\"mvn\", \"-B\", \"test\"].");
        }
        return null;
    }

    private Action patch(TomlTable table, String context) {
        String patch = toml.text(table, "patch", context);
        if (patch == null) {
            return null;
        }
        if (!PathText.check(toml, toml.at(table, "patch"), "'patch' in " + context, patch)) {
            return null;
        }
        if (patch.indexOf("${") < 0 && !Files.isRegularFile(folder.resolve(patch))) {
            toml.problem(
                    toml.at(table, "patch"),
                    "patch file not found for " + context + ": " + patch
                            + " (resolved against the manifest's folder to "
                            + folder.resolve(patch).normalize()
                            + "). Fix the path or add the file.");
        }
        return new Action.Patch(patch);
    }

    private Action export(TomlTable table, String context) {
        String exportContext = context + " export";
        TomlTable export = toml.table(table, "export", context, EXPORT_KEYS, exportContext);
        if (export == null) {
            return null;
        }
        String diff = toml.text(export, "diff", exportContext);
        if (diff != null) {
            checks.insideWorkspace(export, "diff", diff, exportContext);
        }
        List<String> files = checks.globs(export, "files", exportContext);
        for (String glob : files) {
            if (glob.startsWith("/") || List.of(glob.split("/")).contains("..")) {
                toml.problem(
                        toml.at(export, "files"),
                        "export.files glob '" + glob + "' in " + context
                                + " leaves the workspace. Use a glob relative to the workspace root, without '..'.");
            }
        }
        if (diff == null && files.isEmpty()) {
            toml.problem(
                    toml.at(table, "export"), context + " exports nothing. Set export.diff, export.files or both.");
            return null;
        }
        return new Action.Export(diff, files);
    }
}
