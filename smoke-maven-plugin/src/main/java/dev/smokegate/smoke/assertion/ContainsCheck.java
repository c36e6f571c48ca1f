package dev.smokegate.smoke.assertion;

/**
 * A log contains a text, exactly (case and white space count). Passes with {@code found on line
 * 12} and that line as evidence; fails with {@code not found in 1,234 lines (56,789 bytes) of
 * stdout} and the line closest to the text as evidence, or with what is wrong with the log file.
 * Reads as {@code stdout contains 'BUILD SUCCESS'} in {@code -X} output. See {@link LiteralCheck}.
 */
public final class ContainsCheck extends LiteralCheck {

    /**
     * @param stream the log to read
     * @param text the text that must appear
     */
    public ContainsCheck(LogStream stream, String text) {
        super(stream, text, true);
    }
}
