package dev.smokegate.smoke.workspace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;

/**
 * Writes a workspace's changes against its source commit as a git unified diff, with JGit's
 * {@code DiffFormatter}: the {@code export.diff} of a scenario.
 */
public final class WorkspaceDiff {

    private WorkspaceDiff() {}

    /**
     * Writes the workspace's changes against its HEAD commit as a git unified diff, with full
     * 40-hex {@code index} lines, that {@code git apply} accepts on a clean checkout of that commit.
     * It holds modified and deleted tracked files and untracked files that are not ignored (the
     * same selection as the checkout copy). Binary files are written as {@code Binary files
     * differ}, which {@code git apply} cannot recreate. No changes: an empty file and 0.
     *
     * @param workspace the workspace root (a git working tree)
     * @param diffFile the file to write, replaced if it exists; put it outside the workspace, or it
     *     would list itself
     * @return the number of files in the diff
     * @throws WorkspaceException NOT_A_REPOSITORY when workspace is not a working tree; IO when the
     *     workspace cannot be read or the diff cannot be written
     */
    public static int write(Path workspace, Path diffFile) throws WorkspaceException {
        String where = "diff export [" + diffFile + "]";
        try (Repository repository = Repositories.openWorkTree(workspace, "diff export")) {
            WorkspaceRepository.Head head = WorkspaceRepository.head(repository, where);
            DirCache base = DirCache.newInCore();
            DirCacheBuilder builder = base.builder();
            if (head.tree() != null) {
                try (ObjectReader reader = repository.newObjectReader()) {
                    builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, head.tree());
                }
            }
            builder.finish();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(diffFile));
                    DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repository);
                formatter.setAbbreviationLength(Constants.OBJECT_ID_STRING_LENGTH);
                formatter.setDetectRenames(false);
                formatter.setPathFilter(new TrackedOrNotIgnoredFilter(new int[] {0}, 1, true, false, null, null));
                FileTreeIterator files = SafeFileModeStrategy.iterator(repository);
                // A DirCacheIterator against the working tree: JGit pairs them (IndexDiffFilter), which
                // also walks into ignored folders that hold tracked files.
                List<DiffEntry> entries = formatter.scan(new DirCacheIterator(base), files);
                formatter.format(entries);
                formatter.flush();
                return entries.size();
            }
        } catch (IOException | JGitInternalException e) {
            throw WorkspaceException.io(
                    where, "cannot write the workspace's changes", e, "Check free disk space and permissions.");
        }
    }
}
