package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Keeps what {@code git ls-files --cached --others --exclude-standard} lists: an entry is kept when
 * one of the "tracked" trees (the index, a commit's tree) has it, or, when untracked files are
 * wanted, when the working tree has it and git's ignore rules do not exclude it. The rules are
 * JGit's own ({@link WorkingTreeIterator#isEntryIgnored()}): nested {@code .gitignore} files,
 * negations, {@code .git/info/exclude} and {@code core.excludesFile}.
 *
 * <p>The filter sees a folder before the walk enters it, so an ignored, untracked folder ({@code
 * target/}, {@code node_modules/}) is never listed: nothing inside it is read, stat'ed or opened.
 *
 * <p>Shared by the checkout copy, the fingerprint and the workspace diff so that all three agree on
 * what belongs to a checkout.
 */
final class TrackedOrNotIgnoredFilter extends TreeFilter {

    private final int[] trackedTrees;
    private final int workTree;
    private final boolean untracked;
    private final boolean untrackedSpecials;
    private final String excludedFolder;
    private final Consumer<String> visits;

    /**
     * @param trackedTrees walk tree indices whose entries are tracked (the index, HEAD's tree)
     * @param workTree the walk tree index of the working tree iterator
     * @param untracked keep untracked entries that are not ignored
     * @param untrackedSpecials keep untracked entries that are neither regular files, symlinks nor
     *     folders (named pipes, sockets, devices: mode {@link FileMode#MISSING} from {@link
     *     SafeFileModeStrategy}), so that the caller can report them; when false they are dropped
     * @param excludedFolder a working-tree-relative folder never entered (the workspace itself when
     *     it lies inside the checkout), or {@code null}
     * @param visits told every path the filter is asked about, in walk order, or {@code null}; tests
     *     use it to prove that ignored folders are never entered
     */
    TrackedOrNotIgnoredFilter(
            int[] trackedTrees,
            int workTree,
            boolean untracked,
            boolean untrackedSpecials,
            String excludedFolder,
            Consumer<String> visits) {
        this.trackedTrees = trackedTrees.clone();
        this.workTree = workTree;
        this.untracked = untracked;
        this.untrackedSpecials = untrackedSpecials;
        this.excludedFolder = excludedFolder;
        this.visits = visits;
    }

    @Override
    public boolean include(TreeWalk walker) throws IOException {
        if (visits != null) {
            visits.accept(walker.getPathString());
        }
        if (excludedFolder != null
                && walker.isSubtree()
                && walker.getPathString().equals(excludedFolder)) {
            return false;
        }
        for (int tree : trackedTrees) {
            if (walker.getRawMode(tree) != 0) {
                return true;
            }
        }
        if (!untracked) {
            return false;
        }
        WorkingTreeIterator files = walker.getTree(workTree, WorkingTreeIterator.class);
        if (files == null) {
            return false;
        }
        if (!untrackedSpecials && walker.getRawMode(workTree) == FileMode.MISSING.getBits()) {
            return false;
        }
        return !files.isEntryIgnored();
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
        return "TRACKED_OR_NOT_IGNORED(untracked=" + untracked + ")";
    }
}
