package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.model.GoldenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A whole log or file equals a golden file ({@code equals-file}), with the wildcards of {@link
 * GoldenMatch}: {@code [..]} within a line, a line {@code ...} for any number of lines. Both texts
 * are read as UTF-8 and normalised first ({@code \r\n} as {@code \n}, one final line break dropped).
 *
 * <p>Passes with {@code matches the 3 lines of the golden file}. Fails with the count of changed
 * lines and a unified diff from the golden file to the output ({@link GoldenDiff}), in which golden
 * lines whose wildcards matched show as unchanged; at most {@value #MAX_DIFF_LINES} lines of it. A
 * golden file or output over {@value #MAX_BYTES} bytes, one that is not a regular file, or a missing
 * golden file fails the check too, naming the file.
 *
 * <p>{@link #compare} also gives what the golden file would hold to match the output, for update
 * mode: the output, with every golden line that still matches kept as written, in the golden file's
 * own line ending ({@code \r\n} when it has any), ending with a line break unless the golden file
 * did not.
 */
public final class GoldenCheck implements Check {
    /** The largest output or golden file compared, in bytes (16 MiB): the whole text is held in memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** The most lines of diff a failure shows. */
    static final int MAX_DIFF_LINES = 200;

    private final LogStream stream;
    private final String path;
    private final GoldenFile golden;

    private GoldenCheck(LogStream stream, String path, GoldenFile golden) {
        this.stream = stream;
        this.path = path;
        this.golden = Objects.requireNonNull(golden, "golden");
    }

    /**
     * @param stream the log compared
     * @param golden the golden file
     * @return the check of {@code expect.<stream>.equals-file}
     */
    public static GoldenCheck onStream(LogStream stream, GoldenFile golden) {
        return new GoldenCheck(Objects.requireNonNull(stream, "stream"), null, golden);
    }

    /**
     * @param path the file compared, relative to the step's working directory
     * @param golden the golden file
     * @return the check of {@code expect.files.equals-file}
     */
    public static GoldenCheck onFile(String path, GoldenFile golden) {
        return new GoldenCheck(null, Objects.requireNonNull(path, "path"), golden);
    }

    /** @return the golden file */
    public GoldenFile golden() {
        return golden;
    }

    /**
     * The verdict, and what the golden file would hold to match.
     *
     * @param result the verdict
     * @param rewritten the text the golden file would hold to match the output (wildcard lines that
     *     still match kept), or {@code null} when there is nothing to write: it matched, or the output
     *     or the golden file could not be read
     * @param changed how many lines of the golden file that text changes ({@link GoldenDiff#changed()});
     *     for a golden file that does not exist, the lines it would get
     */
    public record Comparison(CheckResult result, String rewritten, int changed) {}

    @Override
    public CheckResult evaluate(StepOutput output) {
        return compare(output).result();
    }

    /**
     * Compares the output with the golden file.
     *
     * @param output what the step left behind
     * @return the verdict and, when it failed on a difference or a missing golden file, the text that
     *     would make it pass
     */
    public Comparison compare(StepOutput output) {
        String expectation = "expected " + subject() + " to equal golden file " + golden.shown();
        Path file =
                stream != null ? stream.file(output.logs()) : output.workDir().resolve(path);
        String shown = stream != null ? stream.describe(file) : path;
        String problem = FileProbe.problem(file, shown);
        if (problem != null) {
            String seen = stream != null ? problem : FileProbe.withNearby(problem, output.workDir(), file, path);
            return new Comparison(CheckResult.fail(expectation, seen, null), null, 0);
        }
        String actual;
        try {
            actual = read(file, shown);
        } catch (IOException e) {
            return new Comparison(CheckResult.fail(expectation, FileProbe.describe(e, shown), null), null, 0);
        } catch (TooLarge e) {
            return new Comparison(CheckResult.fail(expectation, e.getMessage(), null), null, 0);
        }
        List<String> outputLines = GoldenMatch.lines(actual);
        if (!Files.exists(golden.file()) && !Files.isSymbolicLink(golden.file())) {
            return new Comparison(
                    CheckResult.fail(
                            expectation,
                            "golden file " + golden.shown() + " does not exist; " + subject() + " has "
                                    + Texts.count(outputLines.size(), "line", "lines"),
                            null),
                    GoldenMatch.text(outputLines),
                    outputLines.size());
        }
        String goldenShown = "golden file " + golden.shown();
        String goldenProblem = FileProbe.problem(golden.file(), goldenShown);
        if (goldenProblem != null) {
            return new Comparison(CheckResult.fail(expectation, goldenProblem, null), null, 0);
        }
        String expected;
        try {
            expected = read(golden.file(), goldenShown);
        } catch (IOException e) {
            return new Comparison(CheckResult.fail(expectation, FileProbe.describe(e, goldenShown), null), null, 0);
        } catch (TooLarge e) {
            return new Comparison(CheckResult.fail(expectation, e.getMessage(), null), null, 0);
        }
        List<String> goldenLines = GoldenMatch.lines(expected);
        GoldenMatch match = GoldenMatch.of(goldenLines, outputLines);
        if (match.matched()) {
            return new Comparison(
                    CheckResult.pass(
                            expectation,
                            "matches the " + Texts.count(goldenLines.size(), "line", "lines") + " of the golden file",
                            null),
                    null,
                    0);
        }
        GoldenDiff diff = GoldenDiff.of(goldenLines, match.rewritten(), golden.shown(), outputName());
        return new Comparison(
                CheckResult.fail(expectation, seen(diff), firstChange(diff)),
                rewrite(expected, match.rewritten()),
                diff.changed());
    }

    /** {@code 2 lines differ from the golden file:} and the diff, one line each, at most {@value #MAX_DIFF_LINES}. */
    private static String seen(GoldenDiff diff) {
        StringBuilder seen = new StringBuilder(
                Texts.count(diff.changed(), "line differs", "lines differ") + " from the golden file:");
        List<String> lines = diff.lines();
        lines.stream().limit(MAX_DIFF_LINES).forEach(line -> seen.append('\n').append(line));
        if (lines.size() > MAX_DIFF_LINES) {
            seen.append('\n')
                    .append("… ")
                    .append(Texts.count(lines.size() - MAX_DIFF_LINES, "more line", "more lines"))
                    .append(" of diff");
        }
        return seen.toString();
    }

    /** The first removed or added line of the diff, such as {@code +Hello, World}. */
    private static String firstChange(GoldenDiff diff) {
        return diff.lines().stream()
                .skip(2)
                .filter(line -> line.startsWith("-") || line.startsWith("+"))
                .findFirst()
                .orElse(null);
    }

    /** The golden file's new text, in its own line ending and final line break. */
    private static String rewrite(String old, List<String> lines) {
        String text = GoldenMatch.text(lines);
        if (!old.isEmpty() && !old.endsWith("\n") && !text.isEmpty()) {
            text = text.substring(0, text.length() - 1);
        }
        return old.contains("\r\n") ? text.replace("\n", "\r\n") : text;
    }

    private String subject() {
        return stream != null ? stream.toString() : "file " + path;
    }

    private String outputName() {
        return stream != null ? stream.toString() : path;
    }

    private static String read(Path file, String shown) throws IOException, TooLarge {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new TooLarge(shown + " is " + Texts.number(size) + " bytes; a golden file comparison reads at most "
                    + Texts.number(MAX_BYTES) + " bytes. Check it with contains or matches instead");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** A text too large to hold in memory for a whole comparison; its message is what was seen. */
    private static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** Reads as {@code stdout equals golden file src/smoke/expected/greet.txt}. */
    @Override
    public String toString() {
        return subject() + " equals golden file " + golden.shown();
    }
}
