package dev.smokegate.smoke.assertion;

import java.util.Objects;

/**
 * A log contains a text, exactly (case and white space count). The log is streamed, never loaded:
 * see {@link TextSearch} for the window; a literal is found whatever window it spans.
 */
public final class ContainsCheck implements Check {

    private final LogStream stream;
    private final String text;
    private final int window;

    /**
     * @param stream the log to read
     * @param text the text that must appear
     */
    public ContainsCheck(LogStream stream, String text) {
        this(stream, text, TextSearch.DEFAULT_WINDOW_CHARS);
    }

    /** @param window characters read per window; small values test window boundaries */
    ContainsCheck(LogStream stream, String text, int window) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.text = Objects.requireNonNull(text, "text");
        this.window = window;
    }

    /** The log this check reads. */
    public LogStream stream() {
        return stream;
    }

    /** The text looked for, exactly as given. */
    public String text() {
        return text;
    }

    /**
     * Passes with {@code found on line 12} and that line as evidence; fails with {@code not found
     * in 1,234 lines (56,789 bytes) of stdout}, or with what is wrong with the log file.
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        String expectation = "expected " + stream + " to contain " + Texts.quote(text);
        TextSearch.InLog searched = TextSearch.literal(text, window).in(stream, output);
        if (searched.problem() != null) {
            return CheckResult.fail(expectation, searched.problem(), null);
        }
        TextSearch.Result result = searched.result();
        if (result.found()) {
            return CheckResult.pass(
                    expectation,
                    "found on line " + Texts.number(result.hit().line()),
                    result.hit().evidence());
        }
        return CheckResult.fail(
                expectation,
                result.absence("not found", stream.toString()),
                ClosestLine.forText(stream.file(output.logs()), text));
    }

    @Override
    public String toString() {
        return stream + " contains " + Texts.quote(text);
    }
}
