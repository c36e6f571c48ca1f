package dev.smokegate.smoke.assertion;

import java.util.Objects;

/**
 * A log does not contain a text (exact, case-sensitive). The log is streamed, never loaded; see
 * {@link TextSearch}. The evidence of a failure is the first line that contains the text, with its
 * number, as {@code line 12: [ERROR] boom}.
 */
public final class NotContainsCheck implements Check {

    private final LogStream stream;
    private final String text;
    private final int window;

    /**
     * @param stream the log to read
     * @param text the text that must not appear
     */
    public NotContainsCheck(LogStream stream, String text) {
        this(stream, text, TextSearch.DEFAULT_WINDOW_CHARS);
    }

    /** @param window characters read per window; small values test window boundaries */
    NotContainsCheck(LogStream stream, String text, int window) {
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
     * Fails with {@code found on line 12} and that line as evidence; passes with {@code not found
     * in 1,234 lines (56,789 bytes) of stdout}. A log that cannot be read fails: the text's absence
     * cannot be shown.
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        String expectation = "expected " + stream + " not to contain " + Texts.quote(text);
        TextSearch.InLog searched = TextSearch.literal(text, window).in(stream, output);
        if (searched.problem() != null) {
            return CheckResult.fail(expectation, searched.problem(), null);
        }
        TextSearch.Result result = searched.result();
        if (result.found()) {
            return CheckResult.fail(
                    expectation,
                    "found on line " + Texts.number(result.hit().line()),
                    result.hit().evidence());
        }
        return CheckResult.pass(expectation, result.absence("not found", stream.toString()), null);
    }

    @Override
    public String toString() {
        return stream + " does not contain " + Texts.quote(text);
    }
}
