package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Parses a manifest's text with tomlj, turning the one failure tomlj does not report as a syntax
 * error into a {@link ManifestProblem}: arrays or inline tables nested so deep (thousands of
 * levels) that tomlj's recursive parser runs out of stack. TOML sets no nesting limit; the JVM's
 * thread stack does, and a manifest never needs more than a few levels.
 */
final class TomlText {
    /** How deep the message says nesting went before the place it names. */
    static final int SHOWN_DEPTH = 100;

    private TomlText() {}

    /**
     * @param text the manifest's text (already decoded, see {@link ManifestText})
     * @param displayName how messages name the file
     * @return tomlj's result, with its syntax errors
     * @throws ManifestException when the nesting is too deep for the parser, at the first place where
     *     more than {@value #SHOWN_DEPTH} brackets and braces are open
     */
    static TomlParseResult parse(String text, String displayName) throws ManifestException {
        try {
            return Toml.parse(text);
        } catch (StackOverflowError e) {
            // The parser's own recursion ran out of stack: nothing is left half-done, the text is
            // only read. Name where the nesting went deep, counting brackets as a reader would.
            throw new ManifestException(List.of(new ManifestProblem(
                    deepAt(text, displayName),
                    "arrays or inline tables nested too deep for the TOML parser (more than " + SHOWN_DEPTH
                            + " levels open here). Flatten the value; a manifest needs a few levels at most.")));
        }
    }

    /** The line and column where more than {@value #SHOWN_DEPTH} brackets and braces are first open. */
    private static Location deepAt(String text, String displayName) {
        int depth = 0;
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '{') {
                depth++;
                if (depth > SHOWN_DEPTH) {
                    return new Location(displayName, line, column);
                }
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(displayName, 1, 1);
    }
}
