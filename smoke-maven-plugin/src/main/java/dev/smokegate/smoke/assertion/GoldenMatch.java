package dev.smokegate.smoke.assertion;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Matches the lines of a golden file against the lines of an output, with the wildcards of the Rust
 * snapshot tools snapbox and trycmd (snapbox's {@code assert_matches} documentation on docs.rs:
 * "{@code ...} is a line-wildcard when on a line by itself, {@code [..]} is a character-wildcard
 * when inside a line"): {@code [..]} matches any text within one line, none included, and a line
 * that is exactly {@code ...} matches any number of lines, none included. Every other character is
 * literal: a golden file holds no regular expressions, and snapbox's other placeholders ({@code
 * [EXE]}, {@code [ROOT]}, …) are not read.
 *
 * <p>Texts are normalised before they are split into lines: {@code \r\n} becomes {@code \n}, and one
 * line break at the very end is dropped, so {@code "a\n"} and {@code "a"} are both the one line
 * {@code a}, and the empty text is no line at all.
 *
 * <p>Cost: whether a golden file matches is decided without backtracking, by finding the parts
 * between {@code ...} lines one after another, each at the first place it fits, which is the right
 * place for a pattern whose only wildcard between parts matches anything (as for a glob's {@code *});
 * within a line, the parts between {@code [..]} are found the same way. So it takes at most lines ×
 * lines line comparisons, never an exponential number. Only a golden file that does not match is
 * aligned with the output, to show the difference and to rewrite the file: by dynamic programming
 * over (golden line, output line), in time and memory proportional to their product, at most {@link
 * #MAX_CELLS} cells; beyond that, by a line diff (Myers, java-diff-utils) that keeps {@code [..]}
 * lines but not {@code ...} lines.
 */
public final class GoldenMatch {
    /** The line that matches any number of lines. */
    public static final String ANY_LINES = "...";

    /** The text that matches any text within one line. */
    public static final String ANY_TEXT = "[..]";

    /** The most (golden lines + 1) × (output lines + 1) cells the alignment keeps a move for. */
    static final long MAX_CELLS = 25_000_000L;

    private static final Pattern ANY_TEXT_SPLIT = Pattern.compile(Pattern.quote(ANY_TEXT));

    private static final byte DIAGONAL = 1;
    private static final byte GOLDEN_ONLY = 2;
    private static final byte OUTPUT_ONLY = 3;
    private static final byte REPLACED = 4;

    private final boolean matched;
    private final List<String> rewritten;

    private GoldenMatch(boolean matched, List<String> rewritten) {
        this.matched = matched;
        this.rewritten = List.copyOf(rewritten);
    }

    /**
     * @param text a text as read
     * @return its lines: {@code \r\n} read as {@code \n}, one final line break dropped; none for the
     *     empty text, one empty line for {@code "\n"}
     */
    public static List<String> lines(String text) {
        String normal = text.replace("\r\n", "\n");
        if (normal.isEmpty()) {
            return List.of();
        }
        if (normal.endsWith("\n")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        return List.of(normal.split("\n", -1));
    }

    /**
     * @param lines lines of a text
     * @return the text: the lines, each ended by {@code \n}; empty for no lines
     */
    public static String text(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /**
     * Matches {@code golden} against {@code output}.
     *
     * @param golden the golden file's lines (see {@link #lines(String)}), wildcards included
     * @param output the output's lines
     * @return whether they match, and when not, what the golden file would hold to match: the
     *     output, with every golden line that matches its aligned output line kept as written, so
     *     {@code [..]} and {@code ...} lines survive
     */
    public static GoldenMatch of(List<String> golden, List<String> output) {
        if (matches(golden, output)) {
            return new GoldenMatch(true, golden);
        }
        long cells = (golden.size() + 1L) * (output.size() + 1L);
        return new GoldenMatch(false, cells <= MAX_CELLS ? aligned(golden, output) : diffed(golden, output));
    }

    /** @return whether the golden file matches the output */
    public boolean matched() {
        return matched;
    }

    /**
     * @return the lines the golden file would hold to match the output, keeping every wildcard line
     *     that still matches; the golden lines themselves when they matched
     */
    public List<String> rewritten() {
        return rewritten;
    }

    /**
     * Whether one golden line matches one output line: equal, or equal where each {@code [..]} stands
     * for any text (none included). A {@code ...} line is not a line pattern; see {@link #of}.
     *
     * @param pattern the golden line
     * @param line the output line
     * @return whether it matches
     */
    public static boolean lineMatches(String pattern, String line) {
        return lineMatches(parts(pattern), line);
    }

    /** The texts between the {@code [..]} of a golden line; the line alone when it has none. */
    private static String[] parts(String pattern) {
        return pattern.contains(ANY_TEXT) ? ANY_TEXT_SPLIT.split(pattern, -1) : new String[] {pattern};
    }

    /** {@link #lineMatches(String, String)} with the pattern split into {@link #parts}. */
    private static boolean lineMatches(String[] parts, String line) {
        if (parts.length == 1) {
            return parts[0].equals(line);
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (line.length() < first.length() + last.length() || !line.startsWith(first) || !line.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = line.length() - last.length();
        for (int k = 1; k < parts.length - 1; k++) {
            int at = line.indexOf(parts[k], from);
            if (at < 0 || at + parts[k].length() > end) {
                return false;
            }
            from = at + parts[k].length();
        }
        return true;
    }

    /**
     * The verdict: the parts between {@code ...} lines, the first anchored at the start, the last at
     * the end, the others each at the first place it fits after the one before.
     */
    static boolean matches(List<String> golden, List<String> output) {
        List<List<String[]>> parts = new ArrayList<>();
        List<String[]> part = new ArrayList<>();
        for (String line : golden) {
            if (line.equals(ANY_LINES)) {
                parts.add(part);
                part = new ArrayList<>();
            } else {
                part.add(parts(line));
            }
        }
        parts.add(part);
        if (parts.size() == 1) {
            return golden.size() == output.size() && fitsAt(part, output, 0);
        }
        List<String[]> first = parts.get(0);
        List<String[]> last = parts.get(parts.size() - 1);
        int end = output.size() - last.size();
        if (end < first.size() || !fitsAt(first, output, 0) || !fitsAt(last, output, end)) {
            return false;
        }
        int from = first.size();
        for (List<String[]> middle : parts.subList(1, parts.size() - 1)) {
            int at = from;
            while (at + middle.size() <= end && !fitsAt(middle, output, at)) {
                at++;
            }
            if (at + middle.size() > end) {
                return false;
            }
            from = at + middle.size();
        }
        return true;
    }

    private static boolean fitsAt(List<String[]> part, List<String> output, int at) {
        for (int k = 0; k < part.size(); k++) {
            if (!lineMatches(part.get(k), output.get(at + k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The alignment with the fewest unmatched lines, as an edit distance: a golden line may match an
     * output line (free), be replaced by one (1), be left out (1), or an output line may be added
     * (1); a {@code ...} line takes any number of output lines without an unmatched line. Among
     * alignments with as few unmatched lines, the one whose {@code ...} lines take the fewest output
     * lines wins, so a changed line shows as changed, not as swallowed. Ties prefer a match or a
     * replacement, then leaving a golden line out, so removed lines come before added ones.
     */
    static List<String> aligned(List<String> golden, List<String> output) {
        int m = golden.size();
        int n = output.size();
        long unmatched = n + 1L; // one unmatched line weighs more than every line a ... can take
        String[][] parts = new String[m][];
        for (int i = 0; i < m; i++) {
            parts[i] = parts(golden.get(i));
        }
        byte[] moves = new byte[(m + 1) * (n + 1)];
        long[] below = new long[n + 1];
        long[] row = new long[n + 1];
        for (int j = n; j >= 0; j--) {
            below[j] = (n - j) * unmatched;
            moves[m * (n + 1) + j] = OUTPUT_ONLY;
        }
        for (int i = m - 1; i >= 0; i--) {
            boolean anyLines = golden.get(i).equals(ANY_LINES);
            for (int j = n; j >= 0; j--) {
                long best;
                byte move;
                if (anyLines) {
                    best = below[j];
                    move = GOLDEN_ONLY;
                    if (j < n && row[j + 1] + 1 < best) {
                        best = row[j + 1] + 1;
                        move = OUTPUT_ONLY;
                    }
                } else {
                    best = below[j] + unmatched;
                    move = GOLDEN_ONLY;
                    if (j < n) {
                        boolean same = lineMatches(parts[i], output.get(j));
                        long diagonal = below[j + 1] + (same ? 0 : unmatched);
                        if (diagonal <= best) {
                            best = diagonal;
                            move = same ? DIAGONAL : REPLACED;
                        }
                        if (row[j + 1] + unmatched < best) {
                            best = row[j + 1] + unmatched;
                            move = OUTPUT_ONLY;
                        }
                    }
                }
                row[j] = best;
                moves[i * (n + 1) + j] = move;
            }
            long[] swap = below;
            below = row;
            row = swap;
        }
        List<String> rewritten = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < m || j < n) {
            byte move = moves[i * (n + 1) + j];
            if (move == DIAGONAL) {
                rewritten.add(golden.get(i++));
                j++;
            } else if (move == REPLACED) {
                rewritten.add(output.get(j++));
                i++;
            } else if (move == GOLDEN_ONLY) {
                if (golden.get(i).equals(ANY_LINES)) {
                    rewritten.add(ANY_LINES);
                }
                i++;
            } else {
                if (i == m || !golden.get(i).equals(ANY_LINES)) {
                    rewritten.add(output.get(j));
                }
                j++;
            }
        }
        return rewritten;
    }

    /**
     * The alignment of files too large for {@link #aligned}: a line diff in which a golden line
     * equals an output line it matches, so the golden line is kept; beyond {@link #MAX_CELLS}
     * cells; a {@code ...} line equals nothing here, so it is not kept.
     */
    static List<String> diffed(List<String> golden, List<String> output) {
        List<String> rewritten = new ArrayList<>(output);
        Patch<String> patch = DiffUtils.diff(
                golden, output, (pattern, line) -> !pattern.equals(ANY_LINES) && lineMatches(pattern, line));
        // Walk the equal stretches between deltas: their golden lines are kept as written.
        int g = 0;
        int o = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            while (g < delta.getSource().getPosition()) {
                rewritten.set(o++, golden.get(g++));
            }
            g += delta.getSource().size();
            o += delta.getTarget().size();
        }
        while (g < golden.size()) {
            rewritten.set(o++, golden.get(g++));
        }
        return rewritten;
    }
}
