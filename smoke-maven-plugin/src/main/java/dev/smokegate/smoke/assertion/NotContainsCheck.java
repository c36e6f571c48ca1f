package dev.smokegate.smoke.assertion;

/**
 * A log does not contain a text (exact, case-sensitive). Fails with {@code found on line 12} and,
 * as evidence, the first line that contains the text, as {@code line 12: [ERROR] boom}; passes with
 * {@code not found in 1,234 lines (56,789 bytes) of stdout}. A log that cannot be read fails: the
 * text's absence cannot be shown. Reads as {@code stdout does not contain '[ERROR]'} in {@code -X}
 * output. See {@link LiteralCheck}.
 */
public final class NotContainsCheck extends LiteralCheck {

    /**
     * @param stream the log to read
     * @param text the text that must not appear
     */
    public NotContainsCheck(LogStream stream, String text) {
        super(stream, text, false);
    }
}
