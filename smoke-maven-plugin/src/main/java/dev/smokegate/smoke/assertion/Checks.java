package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.StreamExpectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Turns a step's {@link Expectations} into its checks. */
public final class Checks {

    private Checks() {}

    /**
     * Builds the checks of one step, in a stable order: the exit code first, then {@code stdout},
     * {@code stderr} and {@code output} (each: contains, matches, not-contains, in manifest order),
     * then files (exist, absent, contain), then JSON ({@code json}, then {@code files.json}). Map
     * entries (file paths, JSON Pointers) come in alphabetical order, as the model's maps keep none.
     *
     * @param expect the step's expectations
     * @param hasExitCode false for steps that run no command (patch, export): no exit code check
     * @return the checks; empty when nothing is expected and {@code hasExitCode} is false
     */
    public static List<Check> of(Expectations expect, boolean hasExitCode) {
        Objects.requireNonNull(expect, "expect");
        List<Check> checks = new ArrayList<>();
        if (hasExitCode) {
            checks.add(new ExitCodeCheck(expect.exitOr(0)));
        }
        addStream(checks, LogStream.STDOUT, expect.stdout());
        addStream(checks, LogStream.STDERR, expect.stderr());
        addStream(checks, LogStream.OUTPUT, expect.output());
        expect.filesExist().forEach(glob -> checks.add(new FileExistsCheck(glob)));
        expect.filesAbsent().forEach(glob -> checks.add(new FileAbsentCheck(glob)));
        sorted(expect.filesContain())
                .forEach((path, texts) -> texts.forEach(text -> checks.add(new FileContainsCheck(path, text))));
        sorted(expect.json()).forEach((pointer, value) -> checks.add(JsonPointerCheck.onStdout(pointer, value)));
        sorted(expect.filesJson()).forEach((path, pointers) -> sorted(pointers)
                .forEach((pointer, value) -> checks.add(JsonPointerCheck.onFile(path, pointer, value))));
        return List.copyOf(checks);
    }

    private static void addStream(List<Check> checks, LogStream stream, StreamExpectation expectation) {
        if (expectation == null) {
            return;
        }
        expectation.contains().forEach(text -> checks.add(new ContainsCheck(stream, text)));
        expectation.matches().forEach(regex -> checks.add(new MatchesCheck(stream, regex)));
        expectation.notContains().forEach(text -> checks.add(new NotContainsCheck(stream, text)));
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }
}
