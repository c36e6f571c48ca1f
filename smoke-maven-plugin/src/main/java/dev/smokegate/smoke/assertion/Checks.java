package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.StreamExpectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Turns a step's {@link Expectations} into its checks, as the step's kind of action reads them. */
public final class Checks {

    private Checks() {}

    /**
     * Builds the checks of one step, in a stable order that depends on what the step does:
     *
     * <ul>
     *   <li>{@code run}: the exit code ({@code expect.exit}, else 0), then {@code stdout}, {@code
     *       stderr} and {@code output}, then files, then JSON, then {@code no-leftover-processes};
     *   <li>{@code patch}, {@code export}: as {@code run}, without the exit code and leftovers;
     *   <li>{@code http}: the status ({@code expect.status}, else any of 200 to 399), the headers,
     *       {@code body}, JSON on the body, then files;
     *   <li>{@code tcp}: {@code body}, JSON on it, then files;
     *   <li>{@code service}: {@code log} (the service's output at readiness), then files;
     *   <li>{@code stop}: the exit code only when {@code expect.exit} is set (a service ended by
     *       SIGTERM or SIGKILL is not a failure by itself), {@code log}, files, then {@code
     *       no-leftover-processes}.
     * </ul>
     *
     * Each stream's checks come as contains, matches, not-contains, in manifest order, then
     * equals-file. Files are exist, absent, contain, equals-file, then {@code files.json} (last of the JSON group for {@code run}, {@code
     * patch} and {@code export}, as before). Map entries (file paths, JSON Pointers, header names) come
     * in alphabetical order, as the model's maps keep none. {@code no-leftover-processes} adds its
     * check only when true.
     *
     * @param expect the step's expectations
     * @param action what the step does
     * @return the checks; may be empty (a patch step that expects nothing)
     */
    public static List<Check> of(Expectations expect, Action action) {
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(action, "action");
        List<Check> checks = new ArrayList<>();
        if (action instanceof Action.Run) {
            checks.add(new ExitCodeCheck(expect.exitOr(0)));
            addOutput(checks, expect);
            addLeftovers(checks, expect);
        } else if (action instanceof Action.Patch || action instanceof Action.Export) {
            addOutput(checks, expect);
        } else if (action instanceof Action.Http) {
            checks.add(new StatusCheck(expect.status()));
            sorted(expect.headersContain()).forEach((name, text) -> checks.add(new HeaderContainsCheck(name, text)));
            addProbe(checks, expect);
        } else if (action instanceof Action.Tcp) {
            addProbe(checks, expect);
        } else if (action instanceof Action.Serve) {
            addStream(checks, LogStream.LOG, expect.log());
            addFiles(checks, expect);
            addFilesJson(checks, expect);
        } else if (action instanceof Action.Stop) {
            Integer exit = expect.exitOr(null);
            if (exit != null) {
                checks.add(new ExitCodeCheck(exit));
            }
            addStream(checks, LogStream.LOG, expect.log());
            addFiles(checks, expect);
            addFilesJson(checks, expect);
            addLeftovers(checks, expect);
        } else {
            throw new IllegalArgumentException("no checks defined for " + action);
        }
        return List.copyOf(checks);
    }

    /** The checks of a command's output: streams, files, then JSON on stdout and on files. */
    private static void addOutput(List<Check> checks, Expectations expect) {
        addStream(checks, LogStream.STDOUT, expect.stdout());
        addStream(checks, LogStream.STDERR, expect.stderr());
        addStream(checks, LogStream.OUTPUT, expect.output());
        addFiles(checks, expect);
        sorted(expect.json()).forEach((pointer, value) -> checks.add(JsonPointerCheck.onStdout(pointer, value)));
        addFilesJson(checks, expect);
    }

    /** The checks of a probe's answer: body, JSON on it, then files. */
    private static void addProbe(List<Check> checks, Expectations expect) {
        addStream(checks, LogStream.BODY, expect.body());
        sorted(expect.json()).forEach((pointer, value) -> checks.add(JsonPointerCheck.onBody(pointer, value)));
        addFiles(checks, expect);
        addFilesJson(checks, expect);
    }

    private static void addStream(List<Check> checks, LogStream stream, StreamExpectation expectation) {
        if (expectation == null) {
            return;
        }
        expectation.contains().forEach(text -> checks.add(new ContainsCheck(stream, text)));
        expectation.matches().forEach(regex -> checks.add(new MatchesCheck(stream, regex)));
        expectation.notContains().forEach(text -> checks.add(new NotContainsCheck(stream, text)));
        if (expectation.equalsFile() != null) {
            checks.add(GoldenCheck.onStream(stream, expectation.equalsFile()));
        }
    }

    private static void addFiles(List<Check> checks, Expectations expect) {
        expect.filesExist().forEach(glob -> checks.add(new FileExistsCheck(glob)));
        expect.filesAbsent().forEach(glob -> checks.add(new FileAbsentCheck(glob)));
        sorted(expect.filesContain())
                .forEach((path, texts) -> texts.forEach(text -> checks.add(new FileContainsCheck(path, text))));
        sorted(expect.filesEqual()).forEach((path, golden) -> checks.add(GoldenCheck.onFile(path, golden)));
    }

    private static void addFilesJson(List<Check> checks, Expectations expect) {
        sorted(expect.filesJson()).forEach((path, pointers) -> sorted(pointers)
                .forEach((pointer, value) -> checks.add(JsonPointerCheck.onFile(path, pointer, value))));
    }

    private static void addLeftovers(List<Check> checks, Expectations expect) {
        if (expect.noLeftoverProcesses()) {
            checks.add(new NoLeftoverProcessesCheck());
        }
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }
}
