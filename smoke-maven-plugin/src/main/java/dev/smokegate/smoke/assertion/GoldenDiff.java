package dev.smokegate.smoke.assertion;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * The unified diff ({@code diff -u}, three lines of context, by java-diff-utils) between a golden
 * file and what it would hold to match an output ({@link GoldenMatch#rewritten()}). Golden lines
 * whose wildcards matched are the same on both sides, so they show as context, not as changes.
 *
 * @param lines the diff: {@code --- <golden file>}, {@code +++ <output>}, then the hunks
 * @param changed how many lines changed: per change, the larger of the lines removed and the lines
 *     added, so a line replaced by another counts once
 */
public record GoldenDiff(List<String> lines, int changed) {

    /** Lines of context around each change. */
    static final int CONTEXT = 3;

    public GoldenDiff {
        lines = List.copyOf(lines);
    }

    /**
     * @param golden the golden file's lines
     * @param rewritten the lines it would hold to match the output
     * @param goldenName the golden file as the {@code ---} line names it
     * @param outputName the output as the {@code +++} line names it, such as {@code stdout}
     * @return the diff; no lines and 0 changed when the two are equal
     */
    public static GoldenDiff of(List<String> golden, List<String> rewritten, String goldenName, String outputName) {
        Patch<String> patch = DiffUtils.diff(golden, rewritten);
        if (patch.getDeltas().isEmpty()) {
            return new GoldenDiff(List.of(), 0);
        }
        int changed = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            changed += Math.max(delta.getSource().size(), delta.getTarget().size());
        }
        return new GoldenDiff(
                UnifiedDiffUtils.generateUnifiedDiff(goldenName, outputName, golden, patch, CONTEXT), changed);
    }
}
