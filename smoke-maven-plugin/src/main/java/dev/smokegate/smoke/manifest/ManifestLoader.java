package dev.smokegate.smoke.manifest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.StreamExpectation;
import dev.smokegate.smoke.model.UntrackedMode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads a manifest (format 1, TOML 1.0 parsed by tomlj) into a validated {@link Manifest}.
 *
 * <p>Every key is checked against the format: an unknown key, a wrong type, a duplicate name, a
 * bad duration, regex, glob or JSON Pointer, an unknown {@code ${…}} placeholder, a path that
 * escapes the workspace and a scenario without a positive assertion are all reported together,
 * each with its {@code file:line:col}. A typo never silently turns a check off.
 */
public final class ManifestLoader {
    /** The one manifest format this version reads. */
    public static final int FORMAT = 1;

    /** The step timeout when {@code [defaults] timeout} is not set. */
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofMinutes(10);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Set<String> ROOT_KEYS = Set.of("format", "defaults", "scenario");
    private static final Set<String> DEFAULTS_KEYS = Set.of("timeout", "env");
    private static final Set<String> SCENARIO_KEYS =
            Set.of("name", "description", "owners", "tags", "source", "env", "timeout", "step");
    private static final Set<String> SOURCE_KEYS = Set.of("checkout", "repo-url", "ref", "untracked");
    private static final Set<String> STEP_KEYS =
            Set.of("name", "run", "args", "patch", "export", "cwd", "timeout", "env", "expect");
    private static final Set<String> EXPORT_KEYS = Set.of("diff", "files");
    private static final Set<String> EXPECT_KEYS = Set.of("exit", "stdout", "stderr", "output", "files", "json");
    private static final Set<String> STREAM_KEYS = Set.of("contains", "matches", "not-contains");
    private static final Set<String> FILES_KEYS = Set.of("exist", "absent", "contains", "json");
    private static final Map<String, String> SAMPLE_GATE =
            Placeholders.GATE_VALUES.stream().collect(Collectors.toMap(name -> name, name -> "/smoke"));

    private final Placeholders placeholders;

    /** @param placeholders the values {@code ${…}} may name; unknown names are errors */
    public ManifestLoader(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /**
     * Loads and validates a manifest.
     *
     * @param file the manifest file
     * @param displayName how to name the file in messages (usually relative to the project)
     * @return the manifest
     * @throws ManifestException when the file is missing or unreadable, or with every problem found
     */
    public Manifest load(Path file, String displayName) throws ManifestException {
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (NoSuchFileException e) {
            throw new ManifestException(
                    "Smoke manifest not found: " + displayName
                            + ". Create it (see the usage page), point -Dsmoke.manifest at it, or set -Dsmoke.skip=true.",
                    e);
        } catch (IOException e) {
            throw new ManifestException(
                    "Smoke manifest " + displayName + " cannot be read: " + e + ". Check its permissions.", e);
        }
        Reader reader = new Reader(displayName, file.toAbsolutePath().getParent());
        if (toml.hasErrors()) {
            for (TomlParseError error : toml.errors()) {
                TomlPosition at = error.position();
                reader.problems.add(new ManifestProblem(
                        new Location(displayName, at == null ? 1 : at.line(), at == null ? 1 : at.column()),
                        "not valid TOML: " + error.getMessage() + ". Fix the syntax (TOML 1.0)."));
            }
            throw new ManifestException(reader.problems);
        }
        Manifest manifest = reader.manifest(file, toml);
        if (!reader.problems.isEmpty()) {
            throw new ManifestException(reader.problems);
        }
        return manifest;
    }

    /** One load: the file's name, its folder and the problems found so far. */
    private final class Reader {
        private final String file;
        private final Path folder;
        private final List<ManifestProblem> problems = new ArrayList<>();

        Reader(String file, Path folder) {
            this.file = file;
            this.folder = folder;
        }

        Manifest manifest(Path path, TomlParseResult root) {
            Location top = new Location(file, 1, 1);
            keys(root, ROOT_KEYS, "the top level of the manifest");
            Object format = root.get(List.of("format"));
            if (format == null) {
                problem(top, "missing key 'format'. Add `format = 1` as the first line.");
            } else if (!(format instanceof Long) || (Long) format != FORMAT) {
                problem(
                        at(root, "format"),
                        "unsupported format " + describe(format) + "; this plugin reads format = 1. Set `format = 1`.");
            }
            Duration defaultTimeout = DEFAULT_STEP_TIMEOUT;
            Map<String, String> defaultEnv = Map.of();
            TomlTable defaults = table(root, "defaults", "the top level");
            if (defaults != null) {
                keys(defaults, DEFAULTS_KEYS, "[defaults]");
                Duration timeout = duration(defaults, "timeout", "[defaults]");
                defaultTimeout = timeout == null ? DEFAULT_STEP_TIMEOUT : timeout;
                defaultEnv = env(defaults, "[defaults]");
            }
            List<Scenario> scenarios = new ArrayList<>();
            Object scenarioValue = root.get(List.of("scenario"));
            if (scenarioValue == null) {
                problem(top, "no scenario. Add at least one [[scenario]] table with [[scenario.step]] tables.");
            } else if (!(scenarioValue instanceof TomlArray array) || !tablesOnly(array)) {
                problem(
                        at(root, "scenario"),
                        "'scenario' must be an array of tables written [[scenario]]; found " + describe(scenarioValue)
                                + ".");
            } else {
                Map<String, Location> names = new HashMap<>();
                for (int i = 0; i < array.size(); i++) {
                    TomlTable table = array.getTable(i);
                    Location where = position(array.inputPositionOf(i));
                    Scenario scenario = scenario(table, where, names);
                    if (scenario != null) {
                        scenarios.add(scenario);
                    }
                }
            }
            return new Manifest(path, defaultTimeout, defaultEnv, scenarios);
        }

        private Scenario scenario(TomlTable table, Location where, Map<String, Location> names) {
            String context = "[[scenario]]";
            keys(table, SCENARIO_KEYS, context);
            String name = name(table, context, where, names, "scenario");
            String scenarioContext = name == null ? context : "[[scenario]] '" + name + "'";
            String description = string(table, "description", scenarioContext, false);
            List<String> owners = strings(table, "owners", scenarioContext, false);
            List<String> tags = strings(table, "tags", scenarioContext, false);
            Source source = source(table, scenarioContext);
            Map<String, String> env = env(table, scenarioContext);
            Duration timeout = duration(table, "timeout", scenarioContext);
            List<Step> steps = new ArrayList<>();
            Object stepValue = table.get(List.of("step"));
            if (stepValue == null) {
                problem(where, scenarioContext + " has no steps. Add [[scenario.step]] tables after it.");
            } else if (!(stepValue instanceof TomlArray array) || !tablesOnly(array)) {
                problem(
                        at(table, "step"),
                        "'step' in " + scenarioContext + " must be an array of tables written [[scenario.step]]; found "
                                + describe(stepValue) + ".");
            } else {
                Map<String, Location> stepNames = new HashMap<>();
                for (int i = 0; i < array.size(); i++) {
                    Step step = step(
                            array.getTable(i), position(array.inputPositionOf(i)), i + 1, stepNames, scenarioContext);
                    if (step != null) {
                        steps.add(step);
                    }
                }
                if (name != null
                        && steps.size() == array.size()
                        && steps.stream().noneMatch(step -> step.expect().hasPositive())) {
                    problem(
                            where,
                            "scenario '" + name + "' has no positive assertion on output: nothing checks what it"
                                    + " printed or wrote. Add expect.stdout.contains, expect.stdout.matches, expect.json or"
                                    + " expect.files.contains to a step; exit codes, files.exist and not-contains alone do not count.");
                }
            }
            if (name == null || source == null) {
                return null;
            }
            return new Scenario(
                    name, description == null ? "" : description, owners, tags, source, env, timeout, steps, where);
        }

        private Source source(TomlTable scenario, String context) {
            TomlTable source = table(scenario, "source", context);
            if (source == null) {
                return scenario.get(List.of("source")) == null ? new Source.Checkout(".", UntrackedMode.INCLUDE) : null;
            }
            String sourceContext = context + " source";
            keys(source, SOURCE_KEYS, sourceContext);
            String checkout = string(source, "checkout", sourceContext, true);
            String url = string(source, "repo-url", sourceContext, true);
            String ref = string(source, "ref", sourceContext, true);
            String untracked = string(source, "untracked", sourceContext, false);
            if (checkout != null && url != null) {
                problem(
                        at(source, "repo-url"),
                        "source.checkout and source.repo-url are both set in " + context
                                + ". Keep one: a local checkout or a clone of a URL.");
                return null;
            }
            if (url != null) {
                if (untracked != null) {
                    problem(
                            at(source, "untracked"),
                            "source.untracked applies only to source.checkout, not to a clone, in " + context
                                    + ". Remove it.");
                }
                return new Source.Clone(url, ref);
            }
            if (ref != null) {
                problem(
                        at(source, "ref"),
                        "source.ref applies only to source.repo-url in " + context
                                + ". Remove it, or clone with source.repo-url.");
            }
            UntrackedMode mode = UntrackedMode.INCLUDE;
            if (untracked != null) {
                switch (untracked) {
                    case "include" -> mode = UntrackedMode.INCLUDE;
                    case "exclude" -> mode = UntrackedMode.EXCLUDE;
                    default -> problem(
                            at(source, "untracked"),
                            "source.untracked in " + context + " must be \"include\" or \"exclude\"; found \""
                                    + untracked + "\".");
                }
            }
            return new Source.Checkout(checkout == null ? "." : checkout, mode);
        }

        private Step step(TomlTable table, Location where, int number, Map<String, Location> names, String scenario) {
            String context = "[[scenario.step]]";
            keys(table, STEP_KEYS, context);
            String name = name(table, context + " of " + scenario, where, names, "step");
            String stepContext = scenario + " › " + (name == null ? "step " + number : name);
            List<String> actions = List.of("run", "args", "patch", "export").stream()
                    .filter(key -> table.get(List.of(key)) != null)
                    .collect(Collectors.toList());
            Action action = null;
            if (actions.isEmpty()) {
                problem(where, stepContext + " does nothing. Give it one of run, args, patch or export.");
            } else if (actions.size() > 1) {
                problem(
                        at(table, actions.get(1)),
                        stepContext + " sets " + String.join(" and ", actions)
                                + ". A step does one thing: split it into several steps.");
            } else {
                action = action(table, actions.get(0), stepContext);
            }
            String cwd = string(table, "cwd", stepContext, true);
            if (cwd != null) {
                insideWorkspace(table, "cwd", cwd, stepContext);
            }
            Duration timeout = duration(table, "timeout", stepContext);
            Map<String, String> env = env(table, stepContext);
            Expectations expect = expect(table, stepContext, action);
            if (name == null || action == null || expect == null) {
                return null;
            }
            return new Step(name, number, action, cwd == null ? "." : cwd, timeout, env, expect, where);
        }

        private Action action(TomlTable table, String key, String context) {
            switch (key) {
                case "run" -> {
                    String run = string(table, "run", context, true);
                    if (run != null && run.isBlank()) {
                        problem(at(table, "run"), "'run' in " + context + " is empty. Write the command to run.");
                        return null;
                    }
                    return run == null ? null : new Action.Run(run, null);
                }
                case "args" -> {
                    List<String> args = strings(table, "args", context, true);
                    if (args.isEmpty()) {
                        if (table.get(List.of("args")) instanceof TomlArray) {
                            problem(
                                    at(table, "args"),
                                    "'args' in " + context
                                            + " is empty. Write the program and its arguments, e.g. [\"mvn\", \"-B\", \"test\"].");
                        }
                        return null;
                    }
                    return new Action.Run(null, args);
                }
                case "patch" -> {
                    String patch = string(table, "patch", context, true);
                    if (patch == null) {
                        return null;
                    }
                    if (patch.indexOf("${") < 0 && !Files.isRegularFile(folder.resolve(patch))) {
                        problem(
                                at(table, "patch"),
                                "patch file not found for " + context + ": " + patch
                                        + " (resolved against the manifest's folder to "
                                        + folder.resolve(patch).normalize()
                                        + "). Fix the path or add the file.");
                    }
                    return new Action.Patch(patch);
                }
                default -> {
                    TomlTable export = table(table, "export", context);
                    if (export == null) {
                        return null;
                    }
                    keys(export, EXPORT_KEYS, context + " export");
                    String diff = string(export, "diff", context + " export", true);
                    if (diff != null) {
                        insideWorkspace(export, "diff", diff, context + " export");
                    }
                    List<String> files = globs(export, "files", context + " export");
                    for (String glob : files) {
                        if (glob.startsWith("/") || List.of(glob.split("/")).contains("..")) {
                            problem(
                                    at(export, "files"),
                                    "export.files glob '" + glob + "' in " + context
                                            + " leaves the workspace. Use a glob relative to the workspace root, without '..'.");
                        }
                    }
                    if (diff == null && files.isEmpty()) {
                        problem(
                                at(table, "export"),
                                context + " exports nothing. Set export.diff, export.files or both.");
                        return null;
                    }
                    return new Action.Export(diff, files);
                }
            }
        }

        private Expectations expect(TomlTable step, String context, Action action) {
            Object value = step.get(List.of("expect"));
            if (value == null) {
                return Expectations.DEFAULT;
            }
            TomlTable expect = table(step, "expect", context);
            if (expect == null) {
                return null;
            }
            int before = problems.size();
            keys(expect, EXPECT_KEYS, context + " expect");
            int exit = 0;
            Object exitValue = expect.get(List.of("exit"));
            if (exitValue != null) {
                if (!(action instanceof Action.Run) && action != null) {
                    problem(
                            at(expect, "exit"),
                            "expect.exit in " + context
                                    + " applies only to run steps; patch and export steps have no exit code. Remove it.");
                } else if (!(exitValue instanceof Long code) || code < 0 || code > 255) {
                    problem(
                            at(expect, "exit"),
                            "expect.exit in " + context + " must be an integer from 0 to 255; found "
                                    + describe(exitValue) + ".");
                } else {
                    exit = code.intValue();
                }
            }
            StreamExpectation stdout = stream(expect, "stdout", context);
            StreamExpectation stderr = stream(expect, "stderr", context);
            StreamExpectation output = stream(expect, "output", context);
            List<String> exist = List.of();
            List<String> absent = List.of();
            Map<String, List<String>> contain = Map.of();
            Map<String, Map<String, JsonNode>> filesJson = Map.of();
            TomlTable files = table(expect, "files", context + " expect");
            if (files != null) {
                String filesContext = context + " expect.files";
                keys(files, FILES_KEYS, filesContext);
                exist = globs(files, "exist", filesContext);
                absent = globs(files, "absent", filesContext);
                contain = fileTexts(files, filesContext);
                filesJson = fileJson(files, filesContext);
            }
            Map<String, JsonNode> json = pointers(expect, "json", context + " expect");
            if (problems.size() > before) {
                return null;
            }
            return new Expectations(exit, stdout, stderr, output, exist, absent, contain, json, filesJson);
        }

        private StreamExpectation stream(TomlTable expect, String key, String context) {
            TomlTable table = table(expect, key, context + " expect");
            if (table == null) {
                return StreamExpectation.NONE;
            }
            String streamContext = context + " expect." + key;
            keys(table, STREAM_KEYS, streamContext);
            List<String> matches = strings(table, "matches", streamContext, true);
            for (int i = 0; i < matches.size(); i++) {
                String regex = matches.get(i);
                if (placeholders.firstUnknown(regex).isEmpty()) {
                    try {
                        Pattern.compile(placeholders.resolve(regex, SAMPLE_GATE), Pattern.MULTILINE);
                    } catch (PatternSyntaxException e) {
                        problem(
                                position(table, "matches", i),
                                "bad regex in " + streamContext + ".matches: '" + regex
                                        + "': " + e.getDescription() + " near index " + e.getIndex()
                                        + ". Fix it (java.util.regex syntax), or use 'contains' for literal text.");
                    }
                }
            }
            return new StreamExpectation(
                    strings(table, "contains", streamContext, true),
                    matches,
                    strings(table, "not-contains", streamContext, true));
        }

        private Map<String, List<String>> fileTexts(TomlTable files, String context) {
            TomlTable table = table(files, "contains", context);
            if (table == null) {
                return Map.of();
            }
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (String path : table.keySet()) {
                unknownPlaceholder(table, path, path, context + ".contains");
                result.put(path, strings(table, path, context + ".contains", true));
            }
            return result;
        }

        private Map<String, Map<String, JsonNode>> fileJson(TomlTable files, String context) {
            TomlTable table = table(files, "json", context);
            if (table == null) {
                return Map.of();
            }
            Map<String, Map<String, JsonNode>> result = new LinkedHashMap<>();
            for (String path : table.keySet()) {
                unknownPlaceholder(table, path, path, context + ".json");
                result.put(path, pointers(table, path, context + ".json"));
            }
            return result;
        }

        private Map<String, JsonNode> pointers(TomlTable parent, String key, String context) {
            TomlTable table = table(parent, key, context);
            if (table == null) {
                return Map.of();
            }
            Map<String, JsonNode> result = new LinkedHashMap<>();
            for (String pointer : table.keySet()) {
                try {
                    JsonPointer.compile(pointer);
                } catch (IllegalArgumentException e) {
                    problem(
                            at(table, pointer),
                            "'" + pointer + "' in " + context + "." + key
                                    + " is not a JSON Pointer (RFC 6901). Write it like \"/status\" or \"/items/0/name\".");
                    continue;
                }
                Object expected = table.get(List.of(pointer));
                if (expected instanceof String text) {
                    unknownPlaceholder(table, pointer, text, context + "." + key);
                }
                result.put(pointer, json(expected));
            }
            return result;
        }

        private String name(TomlTable table, String context, Location where, Map<String, Location> seen, String kind) {
            Object value = table.get(List.of("name"));
            if (value == null) {
                problem(where, context + " has no name. Add name = \"…\" matching [a-z0-9][a-z0-9._-]*.");
                return null;
            }
            if (!(value instanceof String name)) {
                problem(
                        at(table, "name"),
                        "'name' in " + context + " must be a string; found " + describe(value) + ".");
                return null;
            }
            if (!NAME.matcher(name).matches()) {
                problem(
                        at(table, "name"),
                        kind + " name '" + name + "' must match [a-z0-9][a-z0-9._-]* (it names a folder"
                                + " and a log file). Use lower case, digits, '.', '_' and '-'.");
                return null;
            }
            Location first = seen.putIfAbsent(name, at(table, "name"));
            if (first != null) {
                problem(
                        at(table, "name"),
                        "duplicate " + kind + " name '" + name + "'; it is first used at " + first
                                + ". Rename one of them.");
                return null;
            }
            return name;
        }

        private void insideWorkspace(TomlTable table, String key, String path, String context) {
            if (path.indexOf("${") >= 0) {
                return;
            }
            Path relative;
            try {
                relative = Path.of(path).normalize();
            } catch (RuntimeException e) {
                problem(at(table, key), "'" + key + "' in " + context + " is not a valid path: " + path + ".");
                return;
            }
            if (relative.isAbsolute() || relative.startsWith("..")) {
                problem(
                        at(table, key),
                        "'" + key + "' in " + context + " leaves the workspace: " + path
                                + ". Use a path relative to the workspace root, without leading '..'.");
            }
        }

        private List<String> globs(TomlTable table, String key, String context) {
            List<String> globs = strings(table, key, context, true);
            for (String glob : globs) {
                try {
                    FileSystems.getDefault().getPathMatcher("glob:" + glob);
                } catch (IllegalArgumentException e) {
                    problem(
                            at(table, key),
                            "bad glob '" + glob + "' in " + context + "." + key + ": " + e.getMessage()
                                    + ". Use glob syntax such as target/*.jar or **/*.log.");
                }
            }
            return globs;
        }

        private Map<String, String> env(TomlTable table, String context) {
            TomlTable env = table(table, "env", context);
            if (env == null) {
                return Map.of();
            }
            Map<String, String> result = new LinkedHashMap<>();
            for (String name : env.keySet()) {
                String value = string(env, name, context + " env", true);
                if (value != null) {
                    result.put(name, value);
                }
            }
            return result;
        }

        private Duration duration(TomlTable table, String key, String context) {
            Object value = table.get(List.of(key));
            if (value == null) {
                return null;
            }
            if (value instanceof String text) {
                var parsed = Durations.parse(text);
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
            problem(
                    at(table, key),
                    "bad duration for '" + key + "' in " + context + ": " + describe(value)
                            + ". Write a positive duration such as \"500ms\", \"30s\", \"10m\" or \"1h\".");
            return null;
        }

        private String string(TomlTable table, String key, String context, boolean interpolated) {
            Object value = table.get(List.of(key));
            if (value == null) {
                return null;
            }
            if (!(value instanceof String text)) {
                problem(
                        at(table, key),
                        "'" + key + "' in " + context + " must be a string; found " + describe(value) + ".");
                return null;
            }
            if (interpolated) {
                unknownPlaceholder(table, key, text, context);
            }
            return text;
        }

        private List<String> strings(TomlTable table, String key, String context, boolean interpolated) {
            Object value = table.get(List.of(key));
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof TomlArray array) || !array.toList().stream().allMatch(String.class::isInstance)) {
                problem(
                        at(table, key),
                        "'" + key + "' in " + context + " must be an array of strings, e.g. [\"text\"]; found "
                                + describe(value) + ".");
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String text = array.getString(i);
                if (interpolated) {
                    placeholders
                            .firstUnknown(text)
                            .ifPresent(name ->
                                    problem(position(table, key, array, text), unknownMessage(name, key, context)));
                }
                result.add(text);
            }
            return result;
        }

        private TomlTable table(TomlTable parent, String key, String context) {
            Object value = parent.get(List.of(key));
            if (value == null) {
                return null;
            }
            if (!(value instanceof TomlTable table)) {
                problem(
                        at(parent, key),
                        "'" + key + "' in " + context + " must be a table; found " + describe(value) + ".");
                return null;
            }
            return table;
        }

        private void keys(TomlTable table, Set<String> allowed, String context) {
            for (String key : table.keySet()) {
                if (!allowed.contains(key)) {
                    problem(at(table, key), "unknown key '" + key + "' in " + context + "." + suggestion(key, allowed));
                }
            }
        }

        private void unknownPlaceholder(TomlTable table, String key, String text, String context) {
            placeholders
                    .firstUnknown(text)
                    .ifPresent(name -> problem(at(table, key), unknownMessage(name, key, context)));
        }

        private String unknownMessage(String name, String key, String context) {
            return "unknown placeholder ${" + name + "} in '" + key + "' of " + context
                    + ". Use a Maven project property, ${env.NAME} for a set environment variable, or one of "
                    + Placeholders.GATE_VALUES.stream()
                            .sorted()
                            .map(gate -> "${" + gate + "}")
                            .collect(Collectors.joining(", "))
                    + "; write $${ for a literal ${.";
        }

        private Location position(TomlTable table, String key, TomlArray array, String text) {
            for (int i = 0; i < array.size(); i++) {
                if (text.equals(array.get(i))) {
                    return position(array.inputPositionOf(i));
                }
            }
            return at(table, key);
        }

        private Location position(TomlTable table, String key, int index) {
            Object value = table.get(List.of(key));
            return value instanceof TomlArray array && index < array.size()
                    ? position(array.inputPositionOf(index))
                    : at(table, key);
        }

        private Location at(TomlTable table, String key) {
            return position(table.inputPositionOf(List.of(key)));
        }

        private Location position(TomlPosition position) {
            return position == null ? new Location(file, 1, 1) : new Location(file, position.line(), position.column());
        }

        private void problem(Location where, String message) {
            problems.add(new ManifestProblem(where, message));
        }
    }

    private static boolean tablesOnly(TomlArray array) {
        return array.toList().stream().allMatch(TomlTable.class::isInstance);
    }

    /** "Did you mean …?" for a key within edit distance 2 of an allowed one, else a list of them. */
    static String suggestion(String key, Set<String> allowed) {
        LevenshteinDistance distance = new LevenshteinDistance(2);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new LinkedHashSet<>(allowed.stream().sorted().collect(Collectors.toList()))) {
            int d = distance.apply(key, candidate);
            if (d >= 0 && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best != null) {
            return " Did you mean '" + best + "'?";
        }
        return " Allowed keys: " + allowed.stream().sorted().collect(Collectors.joining(", ")) + ".";
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "string \"" + text + "\"";
        }
        if (value instanceof Long number) {
            return "integer " + number;
        }
        if (value instanceof Double number) {
            return "float " + number;
        }
        if (value instanceof Boolean bool) {
            return "boolean " + bool;
        }
        if (value instanceof TomlArray) {
            return "an array";
        }
        if (value instanceof TomlTable) {
            return "a table";
        }
        return value.getClass().getSimpleName() + " " + value;
    }

    /** Converts a TOML value into the JSON value it stands for. */
    static JsonNode json(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Double number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof TomlArray array) {
            ArrayNode node = nodes.arrayNode();
            array.toList().forEach(item -> node.add(json(item)));
            return node;
        }
        if (value instanceof TomlTable table) {
            ObjectNode node = nodes.objectNode();
            for (String key : table.keySet()) {
                node.set(key, json(table.get(List.of(key))));
            }
            return node;
        }
        return nodes.textNode(String.valueOf(value));
    }
}
