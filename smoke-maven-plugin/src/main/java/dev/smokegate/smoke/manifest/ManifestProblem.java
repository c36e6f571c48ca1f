package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import java.util.Locale;

/**
 * One thing wrong with a manifest, with where it is.
 *
 * @param location {@code file:line:col} of the offending key or value
 * @param message what is wrong and what to do, without the location
 */
public record ManifestProblem(Location location, String message) {
    /**
     * Writes each control character of the message (a NUL, a tab, an ESC that a terminal would obey)
     * as <code>&#92;uXXXX</code>: a message quotes what the manifest holds, and must print as one plain line.
     */
    public ManifestProblem {
        StringBuilder plain = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                plain.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                plain.appendCodePoint(c);
            }
        });
        message = plain.toString();
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
