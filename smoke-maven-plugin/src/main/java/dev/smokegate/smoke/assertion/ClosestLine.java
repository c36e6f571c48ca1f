package dev.smokegate.smoke.assertion;

import dev.smokegate.smoke.process.LogTail;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The evidence of a failed {@code contains} or {@code matches}: among the last lines of the log,
 * the one that holds the longest leading part of what was looked for ({@code Tests run: 4,
 * Failures: 1} when {@code Tests run: 4, Failures: 2} was expected). Reads only the tail, so it
 * stays cheap on a large log.
 */
final class ClosestLine {
    /** Lines from the end of the log that are compared. */
    static final int TAIL_LINES = 200;
    /** The shortest shared leading part that counts as a resemblance, in characters. */
    static final int MIN_SHARED = 4;

    private static final Pattern REGEX_SYNTAX = Pattern.compile("\\\\[a-zA-Z]|[\\\\^$.|?*+()\\[\\]{}]");

    private ClosestLine() {}

    /** For a literal text. */
    static String forText(Path log, String text) {
        return closest(log, text);
    }

    /** For a regex: its literal characters, with the regex syntax removed, are compared. */
    static String forRegex(Path log, String regex) {
        return closest(log, REGEX_SYNTAX.matcher(regex).replaceAll(""));
    }

    /**
     * @return {@code line N from the end: <line>}, or {@code null} when no line shares at least
     *     {@value #MIN_SHARED} leading characters or the log cannot be read
     */
    private static String closest(Path log, String needle) {
        if (needle.length() < MIN_SHARED) {
            return null;
        }
        List<String> lines;
        try {
            lines = LogTail.lastLines(log, TAIL_LINES);
        } catch (IOException e) {
            return null;
        }
        String best = null;
        int bestShared = MIN_SHARED - 1;
        for (String line : lines) {
            int shared = sharedPrefix(line, needle);
            if (shared >= bestShared) {
                best = line.strip();
                bestShared = shared;
            }
        }
        return best;
    }

    /** The length of the longest leading part of {@code needle} that occurs in {@code line}. */
    static int sharedPrefix(String line, String needle) {
        int low = 0;
        int high = needle.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (line.contains(needle.substring(0, mid))) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
