package dev.smokegate.smoke.manifest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.StreamExpectation;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The rules of one {@code [[scenario.step]]} table of format 1: exactly one action ({@code run},
 * {@code args}, {@code patch} or {@code export}), paths that stay inside the workspace, a patch file
 * that exists, and an {@code expect} table whose regexes, globs and JSON Pointers are valid. Problems
 * go to the load's {@link TomlReader}; a step with any problem is read as {@code null}.
 */
final class StepReader {
    private static final Set<String> STEP_KEYS =
            Set.of("name", "run", "args", "patch", "export", "cwd", "timeout", "env", "expect");
    private static final Set<String> EXPORT_KEYS = Set.of("diff", "files");
    private static final Set<String> EXPECT_KEYS = Set.of("exit", "stdout", "stderr", "output", "files", "json");
    private static final Set<String> STREAM_KEYS = Set.of("contains", "matches", "not-contains");
    private static final Set<String> FILES_KEYS = Set.of("exist", "absent", "contains", "json");
    private static final Map<String, String> SAMPLE_GATE =
            Placeholders.GATE_VALUES.stream().collect(Collectors.toMap(name -> name, name -> "/smoke"));

    private final TomlReader toml;
    private final Placeholders placeholders;
    private final Path folder;

    /**
     * @param toml the load's reader, where problems go
     * @param placeholders the known placeholders, to try a regex with them filled in
     * @param folder the manifest's folder, against which patch files are found
     */
    StepReader(TomlReader toml, Placeholders placeholders, Path folder) {
        this.toml = toml;
        this.placeholders = placeholders;
        this.folder = folder;
    }

    /**
     * @param table the step table
     * @param where the table's position
     * @param number the step's 1-based number in its scenario
     * @param names the step names of the scenario so far
     * @param scenario the scenario, as messages name it
     * @return the step; {@code null} when it has a problem
     */
    Step step(TomlTable table, Location where, int number, Names names, String scenario) {
        String context = "[[scenario.step]]";
        toml.keys(table, STEP_KEYS, context);
        String name = names.read(table, context + " of " + scenario, where);
        String stepContext = scenario + " › " + (name == null ? "step " + number : name);
        List<String> actions = List.of("run", "args", "patch", "export").stream()
                .filter(key -> table.get(List.of(key)) != null)
                .toList();
        Action action = null;
        if (actions.isEmpty()) {
            toml.problem(where, stepContext + " does nothing. Give it one of run, args, patch or export.");
        } else if (actions.size() > 1) {
            toml.problem(
                    toml.at(table, actions.get(1)),
                    stepContext + " sets " + String.join(" and ", actions)
                            + ". A step does one thing: split it into several steps.");
        } else {
            action = action(table, actions.get(0), stepContext);
        }
        String cwd = toml.text(table, "cwd", stepContext);
        if (cwd != null) {
            insideWorkspace(table, "cwd", cwd, stepContext);
        }
        Duration timeout = toml.duration(table, "timeout", stepContext);
        Map<String, String> env = toml.textTable(table, "env", stepContext);
        Expectations expect = expect(table, stepContext, action);
        if (name == null || action == null || expect == null) {
            return null;
        }
        return new Step(name, number, action, cwd == null ? "." : cwd, timeout, env, expect, where);
    }

    private Action action(TomlTable table, String key, String context) {
        return switch (key) {
            case "run" -> run(table, context);
            case "args" -> args(table, context);
            case "patch" -> patch(table, context);
            default -> export(table, context);
        };
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
        if (table.get(List.of("args")) instanceof TomlArray) {
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
        TomlTable export = toml.table(table, "export", context);
        if (export == null) {
            return null;
        }
        String exportContext = context + " export";
        toml.keys(export, EXPORT_KEYS, exportContext);
        String diff = toml.text(export, "diff", exportContext);
        if (diff != null) {
            insideWorkspace(export, "diff", diff, exportContext);
        }
        List<String> files = globs(export, "files", exportContext);
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

    private Expectations expect(TomlTable step, String context, Action action) {
        if (step.get(List.of("expect")) == null) {
            return Expectations.DEFAULT;
        }
        TomlTable expect = toml.table(step, "expect", context);
        if (expect == null) {
            return null;
        }
        int before = toml.problems().size();
        toml.keys(expect, EXPECT_KEYS, context + " expect");
        Integer exit = exit(expect, context, action);
        StreamExpectation stdout = stream(expect, "stdout", context);
        StreamExpectation stderr = stream(expect, "stderr", context);
        StreamExpectation output = stream(expect, "output", context);
        List<String> exist = List.of();
        List<String> absent = List.of();
        Map<String, List<String>> contain = Map.of();
        Map<String, Map<String, JsonNode>> filesJson = Map.of();
        TomlTable files = toml.table(expect, "files", context + " expect");
        if (files != null) {
            String filesContext = context + " expect.files";
            toml.keys(files, FILES_KEYS, filesContext);
            exist = globs(files, "exist", filesContext);
            absent = globs(files, "absent", filesContext);
            contain = fileTexts(files, filesContext);
            filesJson = fileJson(files, filesContext);
        }
        Map<String, JsonNode> json = pointers(expect, "json", context + " expect");
        if (toml.problems().size() > before) {
            return null;
        }
        return Expectations.builder()
                .exit(exit)
                .stdout(stdout)
                .stderr(stderr)
                .output(output)
                .filesExist(exist)
                .filesAbsent(absent)
                .filesContain(contain)
                .json(json)
                .filesJson(filesJson)
                .build();
    }

    private Integer exit(TomlTable expect, String context, Action action) {
        Object value = expect.get(List.of("exit"));
        if (value == null) {
            return null;
        }
        if (!(action instanceof Action.Run) && action != null) {
            toml.problem(
                    toml.at(expect, "exit"),
                    "expect.exit in " + context
                            + " applies only to run steps; patch and export steps have no exit code. Remove it.");
        } else if (!(value instanceof Long code) || code < 0 || code > 255) {
            toml.problem(
                    toml.at(expect, "exit"),
                    "expect.exit in " + context + " must be an integer from 0 to 255; found "
                            + TomlReader.describe(value) + ".");
        } else {
            return code.intValue();
        }
        return null;
    }

    private StreamExpectation stream(TomlTable expect, String key, String context) {
        TomlTable table = toml.table(expect, key, context + " expect");
        if (table == null) {
            return StreamExpectation.NONE;
        }
        String streamContext = context + " expect." + key;
        toml.keys(table, STREAM_KEYS, streamContext);
        List<String> matches = toml.texts(table, "matches", streamContext);
        for (int i = 0; i < matches.size(); i++) {
            String regex = matches.get(i);
            if (placeholders.firstUnknown(regex).isEmpty()) {
                try {
                    Pattern.compile(placeholders.resolve(regex, SAMPLE_GATE), Pattern.MULTILINE);
                } catch (PatternSyntaxException e) {
                    toml.problem(
                            toml.at(table, "matches", i),
                            "bad regex in " + streamContext + ".matches: '" + regex
                                    + "': " + e.getDescription() + " near index " + e.getIndex()
                                    + ". Fix it (java.util.regex syntax), or use 'contains' for literal text.");
                }
            }
        }
        return new StreamExpectation(
                toml.texts(table, "contains", streamContext),
                matches,
                toml.texts(table, "not-contains", streamContext));
    }

    private Map<String, List<String>> fileTexts(TomlTable files, String context) {
        TomlTable table = toml.table(files, "contains", context);
        if (table == null) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String path : table.keySet()) {
            toml.checkText(table, path, path, context + ".contains");
            result.put(path, toml.texts(table, path, context + ".contains"));
        }
        return result;
    }

    private Map<String, Map<String, JsonNode>> fileJson(TomlTable files, String context) {
        TomlTable table = toml.table(files, "json", context);
        if (table == null) {
            return Map.of();
        }
        Map<String, Map<String, JsonNode>> result = new LinkedHashMap<>();
        for (String path : table.keySet()) {
            toml.checkText(table, path, path, context + ".json");
            result.put(path, pointers(table, path, context + ".json"));
        }
        return result;
    }

    private Map<String, JsonNode> pointers(TomlTable parent, String key, String context) {
        TomlTable table = toml.table(parent, key, context);
        if (table == null) {
            return Map.of();
        }
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (String pointer : table.keySet()) {
            try {
                JsonPointer.compile(pointer);
            } catch (IllegalArgumentException e) {
                toml.problem(
                        toml.at(table, pointer),
                        "'" + pointer + "' in " + context + "." + key
                                + " is not a JSON Pointer (RFC 6901). Write it like \"/status\" or \"/items/0/name\".");
                continue;
            }
            Object expected = table.get(List.of(pointer));
            if (expected instanceof String text) {
                toml.checkText(table, pointer, text, context + "." + key);
            }
            result.put(pointer, TomlReader.json(expected));
        }
        return result;
    }

    private void insideWorkspace(TomlTable table, String key, String path, String context) {
        if (path.indexOf("${") >= 0) {
            return;
        }
        Path relative;
        try {
            relative = Path.of(path).normalize();
        } catch (RuntimeException e) {
            toml.problem(toml.at(table, key), "'" + key + "' in " + context + " is not a valid path: " + path + ".");
            return;
        }
        if (relative.isAbsolute() || relative.startsWith("..")) {
            toml.problem(
                    toml.at(table, key),
                    "'" + key + "' in " + context + " leaves the workspace: " + path
                            + ". Use a path relative to the workspace root, without leading '..'.");
        }
    }

    private List<String> globs(TomlTable table, String key, String context) {
        List<String> globs = toml.texts(table, key, context);
        for (String glob : globs) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                toml.problem(
                        toml.at(table, key),
                        "bad glob '" + glob + "' in " + context + "." + key + ": " + e.getMessage()
                                + ". Use glob syntax such as target/*.jar or **/*.log.");
            }
        }
        return globs;
    }
}
