package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Decides what a checkout copy holds: walks the index and the working tree together, with git's
 * ignore rules ({@link TrackedOrNotIgnoredFilter}), and hands each entry to the {@link EntryCopier}
 * by its type from one {@code lstat}; what cannot be copied is skipped when untracked and fails the
 * copy when tracked. The walk runs on the calling thread, file copies on a small pool.
 */
final class CheckoutWalk {

    private static final String GIT_STATUS = "Run 'git status' there to see what git says.";

    private final Repository source;
    private final EntryCopier copier;
    private final SmokeLog log;
    private final String where;
    private final StatRecordingFs stats;
    private final boolean withStats;
    private final Fingerprint.Recording recording;

    /**
     * @param source the checkout's repository; only read
     * @param copier where the entries go
     * @param log where a slow copy is reported (debug)
     * @param withStats whether each file is handed over with its full stat data ({@link
     *     StatRecordingFs}, still one {@code lstat}), for a {@link CopyRecord}
     * @param recording the checkout's first fingerprint, recorded from this walk's entries (see {@link
     *     Fingerprint.Recording} for what the walk must do) unless it was given up before the walk, or
     *     {@code null}
     */
    CheckoutWalk(
            Repository source, EntryCopier copier, SmokeLog log, boolean withStats, Fingerprint.Recording recording) {
        this.stats = withStats || recording != null ? new StatRecordingFs(source.getFS()) : null;
        this.withStats = withStats;
        this.recording = recording;
        this.source = source;
        this.copier = copier;
        this.log = log;
        this.where = "checkout copy ["
                + source.getWorkTree().toPath().toAbsolutePath().normalize() + "]";
    }

    /**
     * Walks the checkout and waits for every copy.
     *
     * @param index the checkout's index, from {@link #readIndex}
     * @param untracked whether untracked files that git does not ignore are copied
     * @param excludedFolder a working-tree-relative folder never entered, or {@code null}
     * @param threads copy threads; 1 copies on the calling thread
     * @param visits told every path the walk considers, or {@code null}
     * @throws WorkspaceException the copier's first failure, or IO when the index or the working tree
     *     cannot be read
     */
    void walk(DirCache index, boolean untracked, String excludedFolder, int threads, Consumer<String> visits)
            throws WorkspaceException {
        ExecutorService pool = threads == 1
                ? null
                : Executors.newFixedThreadPool(threads, runnable -> {
                    Thread thread = new Thread(runnable, "smoke-checkout-copy");
                    thread.setDaemon(true);
                    return thread;
                });
        try (TreeWalk walk = new TreeWalk(source)) {
            int indexTree = walk.addTree(new DirCacheIterator(index));
            FileTreeIterator files = stats == null
                    ? SafeFileModeStrategy.iterator(source)
                    : SafeFileModeStrategy.iterator(source, stats);
            int workTreeTree = walk.addTree(files);
            // Lets the iterator enter an ignored folder that holds tracked files.
            files.setDirCacheIterator(walk, indexTree);
            walk.setRecursive(false);
            walk.setFilter(new TrackedOrNotIgnoredFilter(
                    new int[] {indexTree}, workTreeTree, untracked, true, excludedFolder, visits));
            Fingerprint.Recorder recorder = null;
            if (recording != null && recording.abandoned() == null) {
                recorder = recording.begin(walk, index, indexTree, workTreeTree, stats);
            }
            String previous = null;
            while (walk.next() && copier.failure() == null) {
                String path = walk.getPathString();
                if (path.equals(previous)) {
                    if (recorder != null) {
                        recording.abandon("the walk met " + path + " twice");
                        recorder = null;
                    }
                    continue; // another stage of a conflicted path
                }
                previous = path;
                boolean tracked = walk.getRawMode(indexTree) != 0;
                FileTreeIterator entry = walk.getTree(workTreeTree, FileTreeIterator.class);
                if (walk.isSubtree()) {
                    if (!enterFolder(walk, path, tracked, entry) && recorder != null) {
                        recorder.unreadableFolder(path);
                    }
                    continue;
                }
                if (recorder != null) {
                    recorder.entry(walk);
                }
                if (tracked && FileMode.GITLINK.equals(walk.getRawMode(indexTree))) {
                    copier.folder(path);
                } else if (entry != null) {
                    entry(path, tracked, entry, pool);
                }
            }
        } catch (IOException | JGitInternalException e) {
            copier.fail(WorkspaceException.io(where, "cannot walk the working tree", e, GIT_STATUS));
        } finally {
            if (pool != null) {
                pool.shutdown();
                awaitCopies(pool);
            }
        }
        WorkspaceException e = copier.failure();
        if (e != null) {
            throw e;
        }
    }

    /**
     * Reads the checkout's index without locking or refreshing it.
     *
     * @return the index
     * @throws WorkspaceException IO when it cannot be read
     */
    DirCache readIndex() throws WorkspaceException {
        try {
            // DirCache.read neither locks nor writes the index, unlike lockDirCache().
            return DirCache.read(source);
        } catch (IOException | JGitInternalException e) {
            throw WorkspaceException.io(where, "cannot read the git index " + source.getIndexFile(), e, GIT_STATUS);
        }
    }

    /** Enters a folder, or reports it as unusable when it cannot be read; returns whether it entered. */
    private boolean enterFolder(TreeWalk walk, String path, boolean tracked, FileTreeIterator entry)
            throws IOException {
        if (!Fingerprint.Recorder.enterable(entry)) {
            copier.unusable(
                    path,
                    tracked,
                    SpecialFiles.UNREADABLE,
                    "is a folder that cannot be read (permission denied)",
                    "Make it readable (chmod u+rx " + path + ")",
                    null);
            return false;
        }
        walk.enterSubtree();
        return true;
    }

    private void entry(String path, boolean tracked, FileTreeIterator entry, ExecutorService pool) throws IOException {
        FileMode mode = entry.getEntryFileMode();
        Path file = entry.getEntryFile().toPath();
        if (FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode)) {
            copier.file(
                    path,
                    tracked,
                    file,
                    FileMode.EXECUTABLE_FILE.equals(mode),
                    withStats ? stats.recorded(entry.getEntryFile()) : null,
                    pool);
        } else if (FileMode.SYMLINK.equals(mode)) {
            copier.symlink(path, file);
        } else if (FileMode.GITLINK.equals(mode)) {
            copier.unusable(
                    path,
                    tracked,
                    SpecialFiles.NESTED_REPOSITORY,
                    "is now a nested git repository, not a file",
                    restore(path),
                    null);
        } else {
            String kind = SpecialFiles.kind(file);
            if (!SpecialFiles.GONE.equals(kind)) { // else deleted while the walk ran: as if deleted before
                copier.unusable(path, tracked, kind, EntryCopier.trackedProblem(kind), restore(path), null);
            }
        }
    }

    private static String restore(String path) {
        return "Restore it with 'git checkout -- " + path + "'";
    }

    private void awaitCopies(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                log.debug(where + ": still copying files into " + copier.workspace());
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            copier.fail(new WorkspaceException(
                    Reason.IO,
                    where + ": interrupted while copying into " + copier.workspace() + ". Run the build again.",
                    e));
        }
    }
}
