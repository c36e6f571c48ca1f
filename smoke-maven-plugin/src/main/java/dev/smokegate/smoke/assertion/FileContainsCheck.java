package dev.smokegate.smoke.assertion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file under the working directory contains a text (exact, case-sensitive). The file is streamed
 * like a log; see {@link TextSearch}. Only a regular file is read (symbolic links followed): a
 * FIFO, socket or device fails the check instead of blocking it.
 */
public final class FileContainsCheck implements Check {

    private final String path;
    private final String text;

    /**
     * @param path the file, relative to the working directory
     * @param text the text that must appear
     */
    public FileContainsCheck(String path, String text) {
        this.path = Objects.requireNonNull(path, "path");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * Passes with {@code found on line 3}; fails with {@code not found in 12 lines (345 bytes) of
     * target/x.txt}, or {@code target/x.txt does not exist; target/ holds a.txt, classes/}.
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        return evaluate(output, TextSearch.DEFAULT_WINDOW_CHARS);
    }

    /** As {@link #evaluate(StepOutput)}, reading {@code window} characters at a time; small values test window boundaries. */
    CheckResult evaluate(StepOutput output, int window) {
        String expectation = "expected file " + path + " to contain " + Texts.quote(text);
        Path file = output.workDir().resolve(path);
        String problem = FileProbe.problem(file, path);
        if (problem != null) {
            return CheckResult.fail(expectation, FileProbe.withNearby(problem, output.workDir(), file, path), null);
        }
        TextSearch.Result result;
        try {
            result = TextSearch.literal(text, window).search(file);
        } catch (IOException e) {
            return CheckResult.fail(expectation, FileProbe.describe(e, path), null);
        }
        if (result.found()) {
            return CheckResult.pass(
                    expectation,
                    "found on line " + Texts.number(result.hit().line()),
                    result.hit().evidence());
        }
        return CheckResult.fail(expectation, result.absence("not found", path), null);
    }

    @Override
    public String toString() {
        return "file " + path + " contains " + Texts.quote(text);
    }
}
