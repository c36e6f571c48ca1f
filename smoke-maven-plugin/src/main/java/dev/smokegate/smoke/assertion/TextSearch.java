package dev.smokegate.smoke.assertion;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first match of a pattern in a text file without loading the file: the file is decoded
 * as UTF-8 (malformed input replaced by U+FFFD) into a fixed window of characters, each window is
 * searched, and its last characters are carried over to the front of the next window so that a
 * match spanning two windows is still found.
 *
 * <p>The carried part is the <em>overlap</em> (a literal's length minus one; {@value
 * #REGEX_OVERLAP_CHARS} characters for a regular expression), plus one character so that {@code ^},
 * {@code \b} and look-behind see what precedes the window, plus {@value #CONTEXT_CHARS} characters
 * of context for the evidence line. Consequences:
 *
 * <ul>
 *   <li>a literal is always found, whatever its length;
 *   <li>a regex match longer than the overlap may be missed if it spans a window boundary;
 *   <li>a regex match that touched the end of a window (greedy {@code \d+}, {@code $}, look-ahead)
 *       is not trusted until the next window shows what follows;
 *   <li>the search stops at the first match, so a match inside the carried part is never reported
 *       twice.
 * </ul>
 *
 * <p>Memory: one {@code char[]} of window plus carried part (about 2.2 MB for the defaults), however
 * large the file. Lines are counted by {@code \n} as the windows slide.
 */
final class TextSearch {

    /** Characters read per window: 1 Mi characters (2 MiB of heap). */
    static final int DEFAULT_WINDOW_CHARS = 1024 * 1024;

    /** How far back a regular expression match may start in the previous window: 64 Ki characters. */
    static final int REGEX_OVERLAP_CHARS = 64 * 1024;

    /** Characters of the line shown on each side of a match in the evidence. */
    static final int CONTEXT_CHARS = 200;

    /** Characters of a long match shown in the evidence. */
    static final int MAX_MATCH_CHARS = 300;

    /**
     * Where the first match is.
     *
     * @param line the 1-based line the match starts on
     * @param excerpt the line (at most {@value #CONTEXT_CHARS} characters each side of the match,
     *     {@code ...} where cut), with line breaks inside a match shown as {@code \n}
     * @param matched the matched text, cut to {@value #MAX_MATCH_CHARS} characters
     */
    record Hit(long line, String excerpt, String matched) {
        /** {@code line 12: <excerpt>}. */
        String evidence() {
            return "line " + Texts.number(line) + ": " + excerpt;
        }
    }

    /**
     * What a search saw.
     *
     * @param hit the first match, or {@code null}
     * @param lines the number of lines in the file, counted when nothing matched (a last line without
     *     {@code \n} counts); -1 when the search stopped at a match
     * @param bytes the file's size in bytes
     */
    record Result(Hit hit, long lines, long bytes) {
        boolean found() {
            return hit != null;
        }

        /** {@code not found in 1,234 lines (56,789 bytes) of <what>}, or {@code <what> is empty}. */
        String absence(String notFound, String what) {
            if (bytes == 0) {
                return what + " is empty";
            }
            return notFound + " in " + Texts.count(lines, "line", "lines") + " (" + Texts.count(bytes, "byte", "bytes")
                    + ") of " + what;
        }
    }

    private final Pattern pattern;
    private final int overlap;
    private final boolean regex;
    private final int window;

    private TextSearch(Pattern pattern, int overlap, boolean regex, int window) {
        if (window < 1 || overlap < 0) {
            throw new IllegalArgumentException("window must be positive and overlap not negative");
        }
        this.pattern = pattern;
        this.overlap = overlap;
        this.regex = regex;
        this.window = window;
    }

    /**
     * What searching a step's log gave: a result, or why the log could not be searched (missing,
     * not a regular file, unreadable), worded for a failure report.
     *
     * @param result the search result, or {@code null} when {@code problem} is set
     * @param problem why the log could not be searched, or {@code null}
     */
    record InLog(Result result, String problem) {}

    /** Searches one of a step's logs, turning log problems into {@link InLog#problem()}. */
    InLog in(LogStream stream, StepOutput output) {
        Path log = stream.file(output.logs());
        String problem = FileProbe.problem(log, stream.describe(log));
        if (problem != null) {
            return new InLog(null, problem);
        }
        try {
            return new InLog(search(log), null);
        } catch (IOException e) {
            return new InLog(null, FileProbe.describe(e, stream.describe(log)));
        }
    }

    /** A search for {@code text} exactly. */
    static TextSearch literal(String text, int window) {
        return new TextSearch(Pattern.compile(text, Pattern.LITERAL), Math.max(0, text.length() - 1), false, window);
    }

    /** A search for {@code pattern}, trusting matches up to {@code overlap} characters long across windows. */
    static TextSearch regex(Pattern pattern, int overlap, int window) {
        return new TextSearch(pattern, overlap, true, window);
    }

    /**
     * Searches {@code file} for the first match.
     *
     * @throws IOException if the file cannot be opened or read
     */
    Result search(Path file) throws IOException {
        int keep = overlap + 1 + CONTEXT_CHARS;
        char[] buffer = new char[window + keep];
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                Reader reader = Channels.newReader(channel, decoder, -1)) {
            Matcher matcher = pattern.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
            long linesBefore = 0;
            int length = 0;
            boolean first = true;
            while (true) {
                boolean eof = false;
                while (length < buffer.length) {
                    int n = reader.read(buffer, length, buffer.length - length);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    length += n;
                }
                matcher.reset(CharBuffer.wrap(buffer, 0, length)).region(first ? 0 : 1, length);
                if (matcher.find()) {
                    boolean retriedNextWindow = matcher.start() >= length - keep + 1;
                    boolean tentative = regex && !eof && matcher.hitEnd() && retriedNextWindow;
                    if (!tentative) {
                        Window current = new Window(buffer, length, first, eof, reader);
                        return new Result(current.hit(linesBefore, matcher.start(), matcher.end()), -1, channel.size());
                    }
                }
                if (eof) {
                    long lines = linesBefore + newlines(buffer, 0, length);
                    if (length > 0 && buffer[length - 1] != '\n') {
                        lines++;
                    }
                    return new Result(null, lines, channel.size());
                }
                int drop = length - keep;
                linesBefore += newlines(buffer, 0, drop);
                System.arraycopy(buffer, drop, buffer, 0, keep);
                length = keep;
                first = false;
            }
        }
    }

    private static int newlines(char[] chars, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (chars[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The window a match was found in, and the reader positioned just after it. */
    private record Window(char[] chars, int length, boolean first, boolean eof, Reader reader) {

        Hit hit(long linesBefore, int start, int end) throws IOException {
            long line = linesBefore + newlines(chars, 0, start) + 1;
            StringBuilder excerpt = new StringBuilder();
            int from = start;
            int floor = Math.max(0, start - CONTEXT_CHARS);
            while (from > floor && chars[from - 1] != '\n') {
                from--;
            }
            boolean cutBefore = from > 0 ? chars[from - 1] != '\n' : !first;
            if (cutBefore) {
                if (Character.isLowSurrogate(chars[from]) && from < start) {
                    from++;
                }
                excerpt.append("...");
            }
            excerpt.append(chars, from, start - from);
            String matched;
            if (end - start > MAX_MATCH_CHARS) {
                matched = new String(chars, start, MAX_MATCH_CHARS) + "...";
                excerpt.append(matched);
            } else {
                matched = new String(chars, start, end - start);
                excerpt.append(matched);
                appendRestOfLine(excerpt, end);
            }
            String text = excerpt.toString();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            return new Hit(line, Texts.escape(text), Texts.escape(matched));
        }

        /** Appends what follows the match up to the end of its line, reading past the window if needed. */
        private void appendRestOfLine(StringBuilder excerpt, int end) throws IOException {
            int limit = end + CONTEXT_CHARS;
            for (int i = end; ; i++) {
                int c = i < length ? chars[i] : eof ? -1 : reader.read();
                if (c == -1 || c == '\n') {
                    return;
                }
                if (i == limit) {
                    excerpt.append("...");
                    return;
                }
                excerpt.append((char) c);
            }
        }
    }
}
