package dev.smokegate.smoke.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A range of paths {@code [from, to)} in git's path order (the raw bytes of the path, unsigned, as
 * the index and trees are sorted: {@code Documentation/technical/index-format.txt}), as a {@link
 * TreeFilter}: a file is kept when its path lies in the range, a folder when any path below it can
 * ({@code dir/…} lies in {@code [dir/, dir0)}, since {@code '0'} follows {@code '/'}). Ranges that
 * {@link #split} returns cover every path once, so that walks of them, one per thread, together see
 * what one walk sees. Immutable.
 */
final class PathRange extends TreeFilter {

    private final byte[] from;
    private final byte[] to;

    /**
     * @param from the first path in the range, or {@code null} for no lower bound
     * @param to the first path after the range, or {@code null} for no upper bound
     */
    private PathRange(byte[] from, byte[] to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Splits all paths into ranges that hold about as many of the index's entries each.
     *
     * @param cache the index whose entries decide the bounds
     * @param parts how many ranges, at least 1; fewer are returned when the index has fewer entries
     *     (one when it is empty)
     * @return ranges in path order, covering every path once; one range of all paths for {@code parts
     *     <= 1}
     */
    static List<PathRange> split(DirCache cache, int parts) {
        int entries = cache.getEntryCount();
        List<PathRange> ranges = new ArrayList<>();
        byte[] from = null;
        for (int part = 1; part < parts && entries > 0; part++) {
            byte[] to = cache.getEntry((int) ((long) entries * part / parts)).getRawPath();
            if (from == null || Arrays.compareUnsigned(from, to) < 0) {
                ranges.add(new PathRange(from, to));
                from = to;
            }
        }
        ranges.add(new PathRange(from, null));
        return ranges;
    }

    /** @return whether this range holds every path */
    boolean isAll() {
        return from == null && to == null;
    }

    /**
     * Whether a folder the walk is on belongs to this range: whether its first possible path ({@code
     * dir/}) does. Of the ranges that enter a folder, exactly one holds it.
     *
     * @param walk a walk on a folder
     * @return whether this range records what concerns the folder itself
     */
    boolean holdsFolder(TreeWalk walk) {
        return holds(withSuffix(walk.getRawPath(), '/'));
    }

    @Override
    public boolean include(TreeWalk walk) {
        if (isAll()) {
            return true;
        }
        byte[] path = walk.getRawPath();
        if (!walk.isSubtree()) {
            return holds(path);
        }
        return (to == null || Arrays.compareUnsigned(withSuffix(path, '/'), to) < 0)
                && (from == null || Arrays.compareUnsigned(from, withSuffix(path, '0')) < 0);
    }

    private boolean holds(byte[] path) {
        return (from == null || Arrays.compareUnsigned(from, path) <= 0)
                && (to == null || Arrays.compareUnsigned(path, to) < 0);
    }

    private static byte[] withSuffix(byte[] path, char suffix) {
        byte[] withSuffix = Arrays.copyOf(path, path.length + 1);
        withSuffix[path.length] = (byte) suffix;
        return withSuffix;
    }

    @Override
    public boolean shouldBeRecursive() {
        return false;
    }

    @Override
    public TreeFilter clone() {
        return this;
    }

    @Override
    public String toString() {
        return "PathRange[" + (from == null ? "" : new String(from, UTF_8)) + ", "
                + (to == null ? "" : new String(to, UTF_8)) + ")";
    }
}
