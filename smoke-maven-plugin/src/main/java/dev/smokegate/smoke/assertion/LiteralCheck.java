package dev.smokegate.smoke.assertion;

import java.util.Objects;

/**
 * A literal text looked for in a log, exactly (case and white space count): the shared part of
 * {@link ContainsCheck} (the text must appear) and {@link NotContainsCheck} (it must not). The log
 * is streamed, never loaded; see {@link TextSearch} for the window; a literal is found whatever
 * window it spans. A log that cannot be read fails either check: neither the text's presence nor
 * its absence can be shown.
 */
abstract sealed class LiteralCheck implements Check permits ContainsCheck, NotContainsCheck {

    private final LogStream stream;
    private final String text;
    private final boolean wanted;

    /**
     * @param stream the log to read
     * @param text the text looked for
     * @param wanted true when the text must appear, false when it must not
     */
    LiteralCheck(LogStream stream, String text, boolean wanted) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.text = Objects.requireNonNull(text, "text");
        this.wanted = wanted;
    }

    /**
     * Found: {@code found on line 12}, with that line as evidence. Not found: {@code not found in
     * 1,234 lines (56,789 bytes) of stdout}, with the closest line as evidence when the text was
     * wanted. Whether that passes depends on whether the text is wanted; a log that cannot be read
     * fails with what is wrong with it.
     */
    @Override
    public final CheckResult evaluate(StepOutput output) {
        return evaluate(output, TextSearch.DEFAULT_WINDOW_CHARS);
    }

    /** As {@link #evaluate(StepOutput)}, reading {@code window} characters at a time; small values test window boundaries. */
    final CheckResult evaluate(StepOutput output, int window) {
        String expectation = "expected " + stream + (wanted ? " to contain " : " not to contain ") + Texts.quote(text);
        TextSearch.InLog searched = TextSearch.literal(text, window).in(stream, output);
        if (searched.problem() != null) {
            return CheckResult.fail(expectation, searched.problem(), null);
        }
        TextSearch.Result result = searched.result();
        if (result.found()) {
            TextSearch.Hit hit = result.hit();
            return new CheckResult(wanted, expectation, "found on line " + Texts.number(hit.line()), hit.evidence());
        }
        String closest = wanted ? ClosestLine.forText(stream.file(output.logs()), text) : null;
        return new CheckResult(!wanted, expectation, result.absence("not found", stream.toString()), closest);
    }

    /** Reads as {@code stdout contains 'BUILD SUCCESS'} or {@code stdout does not contain '[ERROR]'}. */
    @Override
    public final String toString() {
        return stream + (wanted ? " contains " : " does not contain ") + Texts.quote(text);
    }
}
