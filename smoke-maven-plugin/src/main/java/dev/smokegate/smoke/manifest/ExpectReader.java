package dev.smokegate.smoke.manifest;

import static dev.smokegate.smoke.manifest.StepKind.EXPORT;
import static dev.smokegate.smoke.manifest.StepKind.HTTP;
import static dev.smokegate.smoke.manifest.StepKind.PATCH;
import static dev.smokegate.smoke.manifest.StepKind.RUN;
import static dev.smokegate.smoke.manifest.StepKind.SERVICE;
import static dev.smokegate.smoke.manifest.StepKind.STOP;
import static dev.smokegate.smoke.manifest.StepKind.TCP;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.StreamExpectation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tomlj.TomlTable;

/**
 * The rules of the {@code expect} table of one step: its keys, the values of each check (regexes,
 * globs, JSON Pointers, exit and status codes, header names), and which checks apply to which kind
 * of step. A check that cannot apply, such as {@code expect.status} on a {@code run} step or {@code
 * expect.stdout} on a {@code service} step, is a problem that names the key, the step and what to
 * use instead: a typo or a misplaced check never silently turns an assertion off.
 *
 * <p>Which keys apply where: {@code exit} and {@code no-leftover-processes} to run and stop steps;
 * {@code stdout}, {@code stderr} and {@code output} to run, patch and export steps; {@code json} to
 * those and to http and tcp steps (it reads the response body there); {@code status} and {@code
 * headers} to http steps; {@code body} to http and tcp steps; {@code log} to service and stop steps;
 * {@code files} to every step. Each stream table takes {@code contains}, {@code matches}, {@code
 * not-contains} and {@code equals-file} (a golden file, see {@link GoldenPaths}); {@code files}
 * takes {@code exist}, {@code absent}, {@code contains}, {@code json} and {@code equals-file} (file
 * path → golden file).
 */
final class ExpectReader {
    private static final Set<String> EXPECT_KEYS = Set.of(
            "exit",
            "stdout",
            "stderr",
            "output",
            "files",
            "json",
            "status",
            "headers",
            "body",
            "log",
            "no-leftover-processes");
    private static final Set<String> STREAM_KEYS = Set.of("contains", "matches", "not-contains", "equals-file");
    private static final Set<String> FILES_KEYS = Set.of("exist", "absent", "contains", "json", "equals-file");
    private static final Set<String> HEADERS_KEYS = Set.of("contains");
    private static final Map<String, List<StepKind>> APPLIES = Map.of(
            "exit", List.of(RUN, STOP),
            "stdout", List.of(RUN, PATCH, EXPORT),
            "stderr", List.of(RUN, PATCH, EXPORT),
            "output", List.of(RUN, PATCH, EXPORT),
            "json", List.of(RUN, PATCH, EXPORT, HTTP, TCP),
            "status", List.of(HTTP),
            "headers", List.of(HTTP),
            "body", List.of(HTTP, TCP),
            "log", List.of(SERVICE, STOP),
            "no-leftover-processes", List.of(RUN, STOP));

    private final TomlReader toml;
    private final ValueChecks checks;
    private final GoldenPaths golden;

    /**
     * @param toml the load's reader, where problems go
     * @param checks the shared value checks
     * @param golden the rules of {@code equals-file} paths
     */
    ExpectReader(TomlReader toml, ValueChecks checks, GoldenPaths golden) {
        this.toml = toml;
        this.checks = checks;
        this.golden = golden;
    }

    /**
     * @param step the step table
     * @param context the step, as messages name it ({@code scenario › step})
     * @param action the step's action; {@code null} when it has a problem (then no key is checked
     *     for whether it applies)
     * @return the expectations; {@link Expectations#DEFAULT} without an {@code expect} table; {@code
     *     null} when it has a problem
     */
    Expectations read(TomlTable step, String context, Action action) {
        if (step.get(List.of("expect")) == null) {
            return Expectations.DEFAULT;
        }
        return toml.whole(
                step,
                "expect",
                context,
                EXPECT_KEYS,
                (expect, expectContext) -> expectations(expect, context, expectContext, action));
    }

    private Supplier<Expectations> expectations(TomlTable expect, String context, String expectContext, Action action) {
        StepKind kind = action == null ? null : StepKind.of(action);
        Set<String> read = expect.keySet().stream()
                .filter(key -> applies(expect, key, kind, context))
                .collect(Collectors.toSet());
        Expectations.Builder builder = Expectations.builder();
        if (read.contains("exit")) {
            builder.exit(exit(expect, context));
        }
        builder.stdout(stream(expect, "stdout", context, read))
                .stderr(stream(expect, "stderr", context, read))
                .output(stream(expect, "output", context, read))
                .body(stream(expect, "body", context, read))
                .log(stream(expect, "log", context, read));
        files(expect, context, builder);
        if (read.contains("json")) {
            builder.json(pointers(expect, "json", expectContext));
        }
        if (read.contains("status")) {
            builder.status(checks.status(expect, "status", "expect.status", context));
        }
        if (read.contains("headers")) {
            builder.headersContain(headers(expect, context));
        }
        if (read.contains("no-leftover-processes")) {
            Boolean flag = toml.flag(expect, "no-leftover-processes", expectContext);
            builder.noLeftoverProcesses(Boolean.TRUE.equals(flag));
        }
        return builder::build;
    }

    /** Whether {@code key} may be read for a step of {@code kind}; a problem when it may not. */
    private boolean applies(TomlTable expect, String key, StepKind kind, String context) {
        if (!EXPECT_KEYS.contains(key)) {
            return false;
        }
        List<StepKind> allowed = APPLIES.get(key);
        if (allowed == null || kind == null || allowed.contains(kind)) {
            return true;
        }
        toml.problem(
                toml.at(expect, key),
                "expect." + key + " in " + context + " applies only to " + StepKind.list(allowed) + " steps; this is "
                        + kind.withArticle() + " step. " + hint(key, kind));
        return false;
    }

    /** What to do instead of a check that does not apply to a step of {@code kind}. */
    private static String hint(String key, StepKind kind) {
        boolean service = kind == SERVICE || kind == STOP;
        boolean probe = kind == HTTP || kind == TCP;
        return switch (key) {
            case "exit" -> kind == SERVICE
                    ? "Check the exit code on the step that stops the service."
                    : kind == HTTP
                            ? "Use expect.status for the response's status."
                            : "Remove it: " + kind.withArticle() + " step has no exit code.";
            case "stdout", "stderr", "output" -> service
                    ? "Use expect.log for the service's output."
                    : "Use expect.body for the response.";
            case "json" -> "Check JSON with an http step that asks the service for it.";
            case "body" -> service
                    ? "Use expect.log for the service's output."
                    : "Use expect.stdout or expect.output for a command's output.";
            case "log" -> probe
                    ? "Use expect.body for the response."
                    : "Use expect.stdout or expect.output for a command's output.";
            case "no-leftover-processes" -> kind == SERVICE
                    ? "Set it on the step that stops the service."
                    : "Remove it, or move it to a run or stop step.";
            default -> "Remove it, or move it to an http step.";
        };
    }

    private Integer exit(TomlTable expect, String context) {
        Object value = expect.get(List.of("exit"));
        if (value instanceof Long code && code >= 0 && code <= 255) {
            return code.intValue();
        }
        toml.problem(
                toml.at(expect, "exit"),
                "expect.exit in " + context + " must be an integer from 0 to 255; found " + TomlReader.describe(value)
                        + ".");
        return null;
    }

    private StreamExpectation stream(TomlTable expect, String key, String context, Set<String> read) {
        String streamContext = context + " expect." + key;
        TomlTable table =
                read.contains(key) ? toml.table(expect, key, context + " expect", STREAM_KEYS, streamContext) : null;
        if (table == null) {
            return StreamExpectation.NONE;
        }
        List<String> matches = toml.texts(table, "matches", streamContext);
        for (int i = 0; i < matches.size(); i++) {
            checks.regex(
                    toml.at(table, "matches", i),
                    matches.get(i),
                    streamContext + ".matches",
                    "Fix it (java.util.regex syntax), or use 'contains' for literal text.");
        }
        return new StreamExpectation(
                toml.texts(table, "contains", streamContext),
                matches,
                toml.texts(table, "not-contains", streamContext),
                golden.read(table, "equals-file", streamContext));
    }

    private void files(TomlTable expect, String context, Expectations.Builder builder) {
        String filesContext = context + " expect.files";
        TomlTable files = toml.table(expect, "files", context + " expect", FILES_KEYS, filesContext);
        if (files == null) {
            return;
        }
        List<String> exist = checks.globs(files, "exist", filesContext);
        List<String> absent = checks.globs(files, "absent", filesContext);
        exist.forEach(glob -> checks.insideWorkspaceGlob(toml.at(files, "exist"), glob, filesContext + ".exist"));
        absent.forEach(glob -> checks.insideWorkspaceGlob(toml.at(files, "absent"), glob, filesContext + ".absent"));
        builder.filesExist(exist)
                .filesAbsent(absent)
                .filesContain(byPath(files, "contains", filesContext, toml::texts))
                .filesJson(byPath(files, "json", filesContext, this::pointers))
                .filesEqual(byPath(files, "equals-file", filesContext, golden::read));
    }

    private Map<String, String> headers(TomlTable expect, String context) {
        String headersContext = context + " expect.headers";
        TomlTable headers = toml.table(expect, "headers", context + " expect", HEADERS_KEYS, headersContext);
        if (headers == null) {
            return Map.of();
        }
        TomlTable contains = toml.table(headers, "contains", headersContext);
        if (contains == null) {
            return Map.of();
        }
        checks.headerNames(contains, "expect.headers.contains", context, false);
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : contains.keySet()) {
            String text = toml.text(contains, name, context + " expect.headers.contains");
            if (text != null) {
                result.put(name, text);
            }
        }
        return result;
    }

    /**
     * Reads {@code files.<key>}, a table of paths, each path checked as a text and its value read by
     * {@code value} with the context {@code <context>.<key>}; a path whose value reads as {@code null}
     * (a problem) is left out.
     */
    private <T> Map<String, T> byPath(TomlTable files, String key, String context, PathValue<T> value) {
        TomlTable table = toml.table(files, key, context);
        if (table == null) {
            return Map.of();
        }
        String keyContext = context + "." + key;
        Map<String, T> result = new LinkedHashMap<>();
        for (String path : table.keySet()) {
            toml.checkText(table, path, path, keyContext);
            checks.insideWorkspaceGlob(toml.at(table, path), path, keyContext);
            T read = value.read(table, path, keyContext);
            if (read != null) {
                result.put(path, read);
            }
        }
        return result;
    }

    /** Reads the value of one path of a {@code files.<key>} table. */
    @FunctionalInterface
    private interface PathValue<T> {
        T read(TomlTable table, String path, String context);
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
}
