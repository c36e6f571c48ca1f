package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.UntrackedMode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;

/**
 * Copies a git checkout into a new workspace: the files of the index with their working-tree
 * content (uncommitted edits included), plus untracked files that git does not ignore when asked.
 * The result is a git repository whose HEAD is the checkout's HEAD, so {@code git status} and
 * {@code git diff} inside it show exactly the checkout's local changes.
 *
 * <p>What is copied is what {@code git ls-files --cached --others --exclude-standard} lists
 * (without {@code --others} for {@link UntrackedMode#EXCLUDE}), decided by JGit with git's ignore
 * rules; an ignored untracked folder is never entered. Each entry's type comes from one {@code lstat}
 * before anything is opened:
 *
 * <ul>
 *   <li>regular files are streamed ({@link FileChannel#transferTo}) with their executable bit;
 *   <li>symlinks stay symlinks, with the same relative target, when that target resolves inside the
 *       working tree; an absolute target or one that leaves the tree is never followed;
 *   <li>gitlinks (submodules) become empty folders; nested repositories are not entered;
 *   <li>named pipes, sockets, devices, dangling symlinks, symlink loops and unreadable paths are
 *       skipped and reported when untracked, and fail the copy when tracked.
 * </ul>
 *
 * <p>{@link CheckoutWalk} decides what is copied, {@link EntryCopier} writes it, and {@link
 * WorkspaceRepository} makes the result a repository. The checkout is only read: the index is read without a lock and never refreshed, no lock or
 * temporary file is created in it. The workspace borrows the checkout's objects through {@code
 * .git/objects/info/alternates} instead of copying them, so the checkout must outlive the workspace.
 */
public final class CheckoutCopier {

    private static final int DEFAULT_THREADS = 2;

    /**
     * Added to the file system's timestamp resolution in a {@link CopyRecord}'s window: file times
     * come from the kernel's coarse clock, up to one tick (at most 10 ms) behind {@link Instant#now()}.
     */
    private static final long CLOCK_TICK_NANOS = 10_000_000L;

    /**
     * The fewest files a workspace must hold for {@link #update} to record it for the next run: a
     * smaller one is written again faster than its predecessor can be set aside, listed and proven
     * (about 4 ms a scenario on the benchmark machine, see benchmarks.md, case i).
     */
    static final int RECORD_FROM_FILES = 100;

    /**
     * A {@link CopyRecord}'s window for a checkout on another file system than the workspace's, whose
     * timestamp resolution was not measured: 2 s (FAT's, the coarsest in use) plus one clock tick.
     */
    private static final long OTHER_FILE_SYSTEM_WINDOW_NANOS = 2_010_000_000L;

    private final SmokeLog log;
    private final FrontEnd frontEnd;
    private final int threads;
    private final Consumer<String> visits;
    private Duration recordWindow;
    private int recordFrom = RECORD_FROM_FILES;

    /**
     * @param log where the skipped paths are reported (one info line) and details go (debug)
     * @param frontEnd the front end's words for messages (how to turn debug output on)
     */
    public CheckoutCopier(SmokeLog log, FrontEnd frontEnd) {
        this(log, frontEnd, DEFAULT_THREADS, null);
    }

    /**
     * @param log where skipped paths and details go
     * @param frontEnd the front end's words for messages
     * @param threads copy threads; 1 copies on the calling thread
     * @param visits told every path the walk considers, or {@code null}
     */
    CheckoutCopier(SmokeLog log, FrontEnd frontEnd, int threads, Consumer<String> visits) {
        this.log = Objects.requireNonNull(log, "log");
        this.frontEnd = Objects.requireNonNull(frontEnd, "frontEnd");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.visits = visits;
    }

    /**
     * Copies checkout → target. Timing: one walk of the working tree, one {@code lstat} per entry,
     * one stream copy per file; nothing is hashed.
     *
     * @param checkout a folder inside a git working tree; the whole working tree is copied
     * @param target the workspace folder; must not exist or be empty
     * @param untracked whether untracked files that are not ignored are copied
     * @return the source commit, counts and skipped paths
     * @throws WorkspaceException NOT_A_REPOSITORY when checkout is not in a working tree;
     *     UNREADABLE_TRACKED when a file of the index cannot be read (permission denied, or it is now
     *     a named pipe, socket, device, folder or nested repository); IO when reading the index or
     *     writing the workspace fails, or target is not empty
     */
    public CopyReport copy(Path checkout, Path target, UntrackedMode untracked) throws WorkspaceException {
        return copy(checkout, target, untracked, target);
    }

    /**
     * Copies checkout → target, never entering {@code gateDirectory} when it lies inside the
     * checkout's working tree and git does not ignore it (the gate's own logs and workspaces).
     *
     * @param checkout a folder inside a git working tree; the whole working tree is copied
     * @param target the workspace folder; must not exist or be empty
     * @param untracked whether untracked files that are not ignored are copied
     * @param gateDirectory the folder the gate writes to; {@code target} lies inside it
     * @return the source commit, the checkout's folder inside the working tree, counts and skipped paths
     * @throws WorkspaceException as {@link #copy(Path, Path, UntrackedMode)}
     */
    public CopyReport copy(Path checkout, Path target, UntrackedMode untracked, Path gateDirectory)
            throws WorkspaceException {
        return copy(checkout, target, untracked, gateDirectory, false, null);
    }

    /**
     * As {@link #copy(Path, Path, UntrackedMode, Path)}, into the place of the workspace a previous copy
     * wrote there when {@link PreviousWorkspace#setAside} kept it: each of its regular files whose
     * {@link CopyRecord} still vouches for it (stat data unchanged on both sides, ctime and inode
     * included) is kept as it is, everything else is deleted or written anew, and the result holds the
     * same paths, types, bytes and modes as a copy into an empty folder. Either way, when the workspace
     * holds at least {@value #RECORD_FROM_FILES} files, it records them ({@value CopyRecord#FILE_NAME}
     * beside it) for the next update. Timing: one {@code
     * lstat} per path of the previous workspace and one more per file written; a file kept costs no
     * read or write.
     *
     * @param checkout a folder inside a git working tree; the whole working tree is copied
     * @param target the workspace folder; must not exist or be empty
     * @param untracked whether untracked files that are not ignored are copied
     * @param gateDirectory the folder the gate writes to; {@code target} lies inside it
     * @return the source commit, the checkout's folder inside the working tree, counts (kept files
     *     included) and skipped paths
     * @throws WorkspaceException as {@link #copy(Path, Path, UntrackedMode)}
     */
    public CopyReport update(Path checkout, Path target, UntrackedMode untracked, Path gateDirectory)
            throws WorkspaceException {
        return copy(checkout, target, untracked, gateDirectory, true, null);
    }

    /**
     * As {@link #update(Path, Path, UntrackedMode, Path)}, and takes the checkout's first fingerprint
     * ({@link Fingerprint#of(Path, Path)}) from the same walk, so that the checkout is walked and
     * {@code lstat}ed once instead of twice. The fingerprint is what {@code Fingerprint.of} would have
     * recorded when the copy began; files the index cannot vouch for are read once more and hashed.
     * It cannot be recorded, and {@code fingerprinted} gets {@code null}, when untracked files are not
     * copied, when HEAD holds a path the index does not (a staged deletion), or when the walk meets a
     * path twice (a conflict, a file replaced by a folder); see {@link Fingerprint.Recording}.
     *
     * @param checkout a folder inside a git working tree; the whole working tree is copied
     * @param target the workspace folder
     * @param untracked whether untracked files that are not ignored are copied
     * @param gateDirectory the folder the gate writes to; {@code target} lies inside it
     * @param fingerprinted called once, on the calling thread, after the walk: with the fingerprint,
     *     or with {@code null} when none could be recorded; not called when the copy fails
     * @return as {@link #update(Path, Path, UntrackedMode, Path)}
     * @throws WorkspaceException as {@link #copy(Path, Path, UntrackedMode)}; IO also when gateDirectory
     *     cannot be created
     */
    public CopyReport update(
            Path checkout,
            Path target,
            UntrackedMode untracked,
            Path gateDirectory,
            Consumer<Fingerprint> fingerprinted)
            throws WorkspaceException {
        return copy(checkout, target, untracked, gateDirectory, true, Objects.requireNonNull(fingerprinted));
    }

    private CopyReport copy(
            Path checkout,
            Path target,
            UntrackedMode untracked,
            Path gateDirectory,
            boolean update,
            Consumer<Fingerprint> fingerprinted)
            throws WorkspaceException {
        Objects.requireNonNull(untracked, "untracked");
        long start = System.nanoTime();
        long startedAt = epochNanos();
        Path workspace = Workspaces.prepareEmpty(target, "checkout copy");
        Path record = workspace.resolveSibling(CopyRecord.FILE_NAME);
        try (Repository source = Repositories.openWorkTree(checkout, "checkout copy")) {
            Path workTree = source.getWorkTree().toPath().toAbsolutePath().normalize();
            // JGit measures the file system's timestamp resolution once with a probe file; let it
            // write that probe into the workspace rather than into the checkout.
            FS.FileStoreAttributes attributes = FS.FileStoreAttributes.get(workspace);
            WorkspaceRepository.Head head = WorkspaceRepository.head(source, "checkout copy [" + workTree + "]");
            PreviousWorkspace.Old old = null;
            long taken = System.nanoTime();
            if (update) {
                Files.deleteIfExists(record);
                old = PreviousWorkspace.take(workspace, workTree, message -> log.debug("[smoke] " + message));
                taken = System.nanoTime();
            }
            EntryCopier copier = new EntryCopier(workTree, workspace, frontEnd.debugSwitch(), old);
            // Before the walk reads the index, which the fingerprint's racily clean entries depend on.
            Fingerprint.Recording recording =
                    fingerprinted == null ? null : Fingerprint.recording(checkout, gateDirectory, source, head);
            CheckoutWalk walk = new CheckoutWalk(source, copier, log, update, recording);
            DirCache index = walk.readIndex();
            if (recording != null && !recording.check(index, untracked == UntrackedMode.INCLUDE)) {
                handOver(recording, fingerprinted, workTree); // at once: the caller takes it another way
                recording = null;
            }
            walk.walk(
                    index,
                    untracked == UntrackedMode.INCLUDE,
                    Fingerprint.excludedFolder(workTree, gateDirectory),
                    threads,
                    visits);
            if (recording != null) {
                handOver(recording, fingerprinted, workTree);
            }
            long walked = System.nanoTime();
            copier.removeLeftovers(message -> log.debug("[smoke] " + message));
            long copied = System.nanoTime();
            WorkspaceRepository.create(workspace, source, head, index, "checkout copy [" + workTree + "]");
            long indexed = System.nanoTime();
            if (update && copier.files() >= recordFrom) {
                writeRecord(record, workTree, startedAt, attributes, copier);
                log.debug("[smoke] timing: update of " + workspace + ": previous workspace "
                        + (old == null ? "not kept" : "taken, " + old.paths().size() + " paths listed")
                        + " in " + millis(taken - start) + " ms, walk and copies " + millis(walked - taken)
                        + " ms, leftovers " + millis(copied - walked) + " ms, record "
                        + millis(System.nanoTime() - indexed) + " ms");
            }
            List<Skipped> skipped = copier.skipped();
            if (!skipped.isEmpty()) {
                log.debug("checkout copy [" + workTree + "]: skipped " + skipped.size()
                        + " path(s) that cannot be copied: "
                        + skipped.stream().map(Skipped::toString).collect(Collectors.joining(", ")));
            }
            CopyReport report = new CopyReport(
                    head.commitName(),
                    subfolder(workTree, checkout),
                    copier.files(),
                    copier.bytes(),
                    copier.kept(),
                    skipped);
            log.debug("checkout copy [" + workTree + "]: " + report.files() + " files (" + report.kept()
                    + " kept from the previous run), " + report.bytes() + " bytes into " + workspace
                    + " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            log.debug("[smoke] timing: copy " + TimeUnit.NANOSECONDS.toMillis(copied - start) + " ms, index "
                    + TimeUnit.NANOSECONDS.toMillis(indexed - copied) + " ms (" + report.files() + " files, "
                    + report.kept() + " kept, into " + workspace + ")");
            return report;
        } catch (IOException e) {
            Deletion.deleteContentsQuietly(workspace);
            throw WorkspaceException.io(
                    "checkout copy [" + workspace + "]",
                    "cannot clear the previous workspace",
                    e,
                    "Delete " + workspace.getParent() + " and run the build again.");
        } catch (WorkspaceException e) {
            Deletion.deleteContentsQuietly(workspace);
            throw e;
        }
    }

    /** Hands the recorded fingerprint over, or {@code null} with a debug line saying why there is none. */
    private void handOver(Fingerprint.Recording recording, Consumer<Fingerprint> fingerprinted, Path workTree) {
        Fingerprint fingerprint = recording.finish();
        if (fingerprint == null) {
            log.debug("[smoke] the first fingerprint of " + workTree + " is not taken from its copy: "
                    + recording.abandoned());
        }
        fingerprinted.accept(fingerprint);
    }

    /**
     * Sets the window of the records this copier writes instead of the file system's timestamp
     * resolution plus one clock tick: a test that waits past the coarse clock's tick between writes
     * can then count exactly which files a later update keeps.
     *
     * @param window the window; {@link Duration#ZERO} trusts any stat data older than the copy
     * @return this copier
     */
    CheckoutCopier recordWindow(Duration window) {
        this.recordWindow = window;
        return this;
    }

    /**
     * Sets how many files a workspace must hold to be recorded for the next update, instead of
     * {@value #RECORD_FROM_FILES}: tests update small workspaces.
     *
     * @param files the fewest files; 0 records every workspace
     * @return this copier
     */
    CheckoutCopier recordFrom(int files) {
        this.recordFrom = files;
        return this;
    }

    /**
     * Records what the workspace holds, once the last file is written; a record that cannot be written
     * is deleted, so that the next copy writes every file.
     */
    private void writeRecord(
            Path record, Path workTree, long startedAt, FS.FileStoreAttributes attributes, EntryCopier copier) {
        long copyWindow = recordWindow != null
                ? recordWindow.toNanos()
                : attributes.getFsTimestampResolution().toNanos() + CLOCK_TICK_NANOS;
        try {
            // The resolution was measured where the workspace is; a checkout on another file system
            // (or a network share, whose times come from another clock) gets the coarsest window.
            long sourceWindow = StatRecordingFs.stat(workTree.toFile()).device()
                            == StatRecordingFs.stat(record.getParent().toFile()).device()
                    ? copyWindow
                    : Math.max(copyWindow, OTHER_FILE_SYSTEM_WINDOW_NANOS);
            new CopyRecord(workTree.toString(), startedAt, epochNanos(), sourceWindow, copyWindow, copier.recorded())
                    .write(record);
        } catch (IOException e) {
            log.debug("[smoke] cannot write " + record + " (" + e + "); the next copy writes every file");
            try {
                Files.deleteIfExists(record);
            } catch (IOException ignored) {
                // Reading a broken record fails, and then nothing is kept.
            }
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Now, in nanoseconds since the epoch, from the clock {@link Instant#now()} reads. */
    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The checkout folder relative to its working tree, {@code /}-separated; empty at the root. */
    private static String subfolder(Path workTree, Path checkout) {
        Path folder = checkout.toAbsolutePath().normalize();
        try {
            folder = folder.toRealPath();
            Path realWorkTree = workTree.toRealPath();
            return folder.startsWith(realWorkTree)
                    ? realWorkTree.relativize(folder).toString().replace('\\', '/')
                    : "";
        } catch (IOException e) {
            return folder.startsWith(workTree)
                    ? workTree.relativize(folder).toString().replace('\\', '/')
                    : "";
        }
    }

    @Override
    public String toString() {
        return "CheckoutCopier[threads=" + threads + "]";
    }
}
