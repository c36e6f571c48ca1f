package dev.smokegate.smoke.assertion;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A log has a match of a regular expression ({@link Pattern} syntax, compiled with {@link
 * Pattern#MULTILINE} so that {@code ^} and {@code $} anchor lines). The log is streamed through a
 * window of 1 Mi characters; a match that spans two windows is found when it is at most {@value
 * TextSearch#REGEX_OVERLAP_CHARS} characters long, and <b>may be missed</b> when it is longer. See
 * {@link TextSearch}.
 */
public final class MatchesCheck implements Check {

    private final LogStream stream;
    private final String regex;
    private final Pattern pattern;
    private final String invalid;

    /**
     * @param stream the log to read
     * @param regex the expression that must match somewhere; an invalid one makes every evaluation
     *     fail with the syntax error (manifest validation normally rejects it first)
     */
    public MatchesCheck(LogStream stream, String regex) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.regex = Objects.requireNonNull(regex, "regex");
        Pattern compiled = null;
        String error = null;
        try {
            compiled = Pattern.compile(regex, Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            error = "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex();
        }
        this.pattern = compiled;
        this.invalid = error;
    }

    /**
     * Passes with {@code matched 'Tests run: 4' on line 12} and that line as evidence; fails with
     * {@code no match in 1,234 lines (56,789 bytes) of stdout}, or with what is wrong with the log
     * file or the expression.
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        return evaluate(output, TextSearch.DEFAULT_WINDOW_CHARS, TextSearch.REGEX_OVERLAP_CHARS);
    }

    /**
     * As {@link #evaluate(StepOutput)}, with other limits; small values test window boundaries.
     *
     * @param window characters read per window
     * @param overlap the longest match trusted across a window boundary, in characters
     */
    CheckResult evaluate(StepOutput output, int window, int overlap) {
        String expectation = "expected " + stream + " to match " + Texts.quote(regex);
        if (invalid != null) {
            return CheckResult.fail(expectation, invalid, null);
        }
        TextSearch.InLog searched = TextSearch.regex(pattern, overlap, window).in(stream, output);
        if (searched.problem() != null) {
            return CheckResult.fail(expectation, searched.problem(), null);
        }
        TextSearch.Result result = searched.result();
        if (result.found()) {
            TextSearch.Hit hit = result.hit();
            String seen = "matched " + Texts.quote(Texts.truncate(hit.matched(), 100)) + " on line "
                    + Texts.number(hit.line());
            return CheckResult.pass(expectation, seen, hit.evidence());
        }
        return CheckResult.fail(
                expectation,
                result.absence("no match", stream.toString()),
                ClosestLine.forRegex(stream.file(output.logs()), regex));
    }

    @Override
    public String toString() {
        return stream + " matches " + Texts.quote(regex);
    }
}
